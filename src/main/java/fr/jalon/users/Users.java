package fr.jalon.users;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.TokenCache;
import fr.jalon.platform.templates.TemplateRenderer;

import io.helidon.dbclient.DbExecute;

/** The users feature: administration of users and their API tokens over HTTP. */
public final class Users {

    private final UsersService service;
    private final ConsoleSignIns signIns;
    private final PasswordLinks passwordLinks;
    private final UserAccountRepository accounts;
    private final TokenCache tokens;
    private final AuditLog audit;

    public Users(Transactions transactions, UserAccountRepository accounts, TokenCache tokens, Centers centers,
                 Organisations organisations, Authorities authorities, AuditLog audit, RequestBodies bodies,
                 TemplateRenderer templates, AccountMail mail, String publicUrl, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
        this.signIns = new ConsoleSignIns(transactions, accounts, tokens, audit, clock);
        this.passwordLinks = new PasswordLinks(transactions, accounts, tokens, audit, templates, mail, publicUrl, clock);
        this.service = new UsersService(new UserDirectory(transactions, accounts, tokens, centers, organisations, authorities, audit, clock),
                signIns, passwordLinks, bodies, clock);
    }

    /**
     * Retention: accounts (not administrators) unused past the limit are disabled and anonymised,
     * audited with their count; returns how many.
     */
    public int anonymiseInactive(DbExecute tx, int months) {
        List<UUID> ids = accounts.inactive(tx, months);
        anonymise(tx, ids);
        audit.recordCounts(tx, null, "retention.purge", "users", Map.of("users", ids.size()));
        return ids.size();
    }

    /** Disables these accounts for good (no name, no e-mail, no token), here at once. */
    public void anonymise(DbExecute tx, List<UUID> ids) {
        accounts.anonymise(tx, ids);
        tokens.evictUsers(ids);
    }

    /** Console sign-in with an e-mail and a password (lockout after repeated failures). */
    public SignIn signIn(String email, String password) {
        return signIns.signIn(email, password);
    }

    /** The console session a cookie's secret names, while it is open. */
    public Optional<ConsoleSession> consoleSession(String secret) {
        return signIns.session(secret);
    }

    public void signOut(Principal principal) {
        signIns.signOut(principal);
    }

    /** Closes every console session of the caller; returns how many. */
    public int signOutEverywhere(Principal principal) {
        return signIns.signOutEverywhere(principal);
    }

    /**
     * « Forgotten password »: sends a link (30 minutes, single use) to the account with this
     * e-mail if there is one, and says nothing either way.
     */
    public void requestPasswordLink(String email) {
        passwordLinks.request(email);
    }

    /** The e-mail of the account a password link is for, while the link can still be used. */
    public Optional<String> passwordLinkAccount(String secret) {
        return passwordLinks.usable(secret);
    }

    /**
     * Chooses the account's password with a link: 410 when the link is spent or expired, 422
     * with the rules the password breaks; closes the account's console sessions.
     */
    public void choosePassword(String secret, String password) {
        passwordLinks.use(secret, password);
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }
}
