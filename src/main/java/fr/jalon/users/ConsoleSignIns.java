package fr.jalon.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.security.TokenCache;
import fr.jalon.platform.security.TokenSecrets;
import fr.jalon.platform.validation.FieldError;

/**
 * Signing in to the console with an e-mail and a password, and the server-side sessions that
 * follow. A session is an API token of the user (12 hours at most; its secret is the HttpOnly
 * cookie, so pages call the API as the user) plus a row of {@code console_sessions} (the CSRF
 * token, closed after 2 hours idle). Every sign-in, failure and lock is audited; nothing is logged.
 */
final class ConsoleSignIns {

    static final Duration LONGEST = Duration.ofHours(12);
    static final Duration IDLE = Duration.ofHours(2);
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    static final String TOKEN_LABEL = "console";

    private final Transactions transactions;
    private final UserAccountRepository accounts;
    private final TokenCache tokens;
    private final AuditLog audit;
    private final Clock clock;

    ConsoleSignIns(Transactions transactions, UserAccountRepository accounts, TokenCache tokens, AuditLog audit,
                   Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    SignIn signIn(String email, String password) {
        String typed = password == null ? "" : password;
        return transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            Optional<UserAccountRepository.Credentials> found = email == null || email.isBlank() ? Optional.empty()
                    : accounts.credentialsForUpdate(tx, email.strip());
            if (found.isEmpty() || found.get().disabled()) {
                Passwords.matches(typed, null);
                return SignIn.refused();
            }
            UserAccountRepository.Credentials account = found.get();
            if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
                audit.record(tx, null, "console.sign_in_locked", "user", account.userId());
                return SignIn.locked(account.lockedUntil());
            }
            if (!Passwords.matches(typed, account.passwordHash())) {
                int failures = account.failedLogins() + 1;
                Instant until = Passwords.lockedUntil(failures, now);
                accounts.recordFailedSignIn(tx, account.userId(), failures, until);
                audit.record(tx, null, until == null ? "console.sign_in_failed" : "console.account_locked", "user",
                        account.userId());
                return until == null ? SignIn.refused() : SignIn.locked(until);
            }
            accounts.recordSignIn(tx, account.userId());
            IssuedToken token = accounts.issueToken(tx, account.userId(), TOKEN_LABEL, now.plus(LONGEST));
            accounts.openConsoleSession(tx, token.info().id(), account.userId(), TokenSecrets.newSecret());
            audit.record(tx, null, "console.sign_in", "user", account.userId());
            return SignIn.signedIn(token.secret());
        });
    }

    /** The open session a cookie names, if it is still valid (an idle one is closed here). */
    Optional<ConsoleSession> session(String secret) {
        Optional<Principal> principal = tokens.principalOf(secret);
        if (principal.isEmpty()) {
            return Optional.empty();
        }
        UUID tokenId = principal.get().tokenId();
        return transactions.inTransaction(tx -> {
            Optional<UserAccountRepository.OpenSession> open = accounts.consoleSession(tx, tokenId);
            if (open.isEmpty()) {
                return Optional.<ConsoleSession>empty();
            }
            Instant now = clock.instant();
            if (open.get().lastSeenAt().plus(IDLE).isBefore(now)) {
                accounts.closeConsoleSession(tx, tokenId);
                tokens.evictToken(tokenId);
                return Optional.<ConsoleSession>empty();
            }
            if (open.get().lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
                accounts.touchConsoleSession(tx, tokenId);
            }
            return Optional.of(new ConsoleSession(principal.get(), open.get().displayName(), open.get().csrfToken()));
        });
    }

    void signOut(Principal principal) {
        transactions.run(tx -> {
            accounts.closeConsoleSession(tx, principal.tokenId());
            audit.record(tx, principal, "console.sign_out", "user", principal.userId());
        });
        tokens.evictToken(principal.tokenId());
    }

    /** Closes every console session of the caller, on every device; returns how many. */
    int signOutEverywhere(Principal principal) {
        List<UUID> closed = transactions.inTransaction(tx -> {
            List<UUID> ids = accounts.closeConsoleSessions(tx, principal.userId());
            audit.record(tx, principal, "console.sign_out_everywhere", "user", principal.userId());
            return ids;
        });
        closed.forEach(tokens::evictToken);
        return closed.size();
    }

    /**
     * Sets a user's password (an administrator for anyone, a user for themselves). Set by an
     * administrator, it closes the user's console sessions.
     */
    void setPassword(Principal actor, UUID userId, String password) {
        if (!actor.isAdmin() && !actor.userId().equals(userId)) {
            throw ApiProblem.notFound("Aucun utilisateur ne correspond à cet identifiant.");
        }
        List<UUID> closed = transactions.inTransaction(tx -> {
            UserAccount user = accounts.findUser(tx, userId)
                    .orElseThrow(() -> ApiProblem.notFound("Aucun utilisateur ne correspond à cet identifiant."));
            if (user.disabledAt() != null) {
                throw ApiProblem.conflict("Cet utilisateur est désactivé : son mot de passe ne peut pas être changé.");
            }
            List<FieldError> breaches = Passwords.breaches(password, user.email());
            if (!breaches.isEmpty()) {
                throw ApiProblem.validation(breaches);
            }
            accounts.setPassword(tx, userId, Passwords.hash(password));
            audit.record(tx, actor, "user.password", "user", userId);
            return actor.userId().equals(userId) || actor.role() != Role.ADMIN ? List.<UUID>of()
                    : accounts.closeConsoleSessions(tx, userId);
        });
        closed.forEach(tokens::evictToken);
    }
}
