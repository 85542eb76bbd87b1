package fr.jalon.users;

import java.time.Clock;
import java.util.Optional;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.security.TokenSecrets;

import io.helidon.dbclient.DbExecute;

/**
 * The first administrator token. In embedded mode: the one from {@code JALON_BOOTSTRAP_TOKEN},
 * or a generated one printed once when no administrator exists yet. In production: the
 * {@code admin create-token} command.
 */
public final class AdminBootstrap {

    public static final String DEFAULT_ADMIN_EMAIL = "admin@jalon.local";

    private final Transactions transactions;
    private final UserAccountRepository accounts;
    private final AuditLog audit;
    private final Clock clock;

    public AdminBootstrap(Transactions transactions, UserAccountRepository accounts, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.transactions = transactions;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Registers the configured token if new; returns a newly generated secret, if one was made. */
    public Optional<String> embeddedStart(Optional<String> configuredToken) {
        if (configuredToken.isPresent()) {
            String secret = configuredToken.get();
            if (!TokenSecrets.wellFormed(secret)) {
                throw new IllegalArgumentException("JALON_BOOTSTRAP_TOKEN must be 24 to 200 printable characters");
            }
            transactions.run(tx -> {
                if (!accounts.tokenHashExists(tx, secret)) {
                    UserAccount admin = admin(tx, DEFAULT_ADMIN_EMAIL, "Administrateur");
                    TokenInfo token = accounts.registerToken(tx, admin.id(), "bootstrap (environment)", secret);
                    audit.record(tx, null, "token.create", "token", token.id());
                }
            });
            return Optional.empty();
        }
        return transactions.inTransaction(tx -> {
            return accounts.anyAdmin(tx) ? Optional.<String>empty() : Optional.of(issue(tx, DEFAULT_ADMIN_EMAIL, "Administrateur"));
        });
    }

    /** Creates the administrator if needed and issues a new token for it (the CLI command). */
    public String createToken(String email, String displayName) {
        return transactions.inTransaction(tx -> issue(tx, email, displayName));
    }

    /** A token for an internal task acting as the administrator (e.g. loading demo data). */
    public IssuedToken internalToken(String label) {
        return transactions.inTransaction(tx -> {
            UserAccount admin = admin(tx, DEFAULT_ADMIN_EMAIL, "Administrateur");
            return accounts.issueToken(tx, admin.id(), label, clock.instant().plusSeconds(600));
        });
    }

    public void revoke(TokenInfo token) {
        transactions.run(tx -> accounts.revokeToken(tx, token.id()));
    }

    private String issue(DbExecute tx, String email, String displayName) {
        UserAccount admin = admin(tx, email, displayName);
        IssuedToken token = accounts.issueToken(tx, admin.id(), "bootstrap", null);
        audit.record(tx, null, "token.create", "token", token.info().id());
        return token.secret();
    }

    private UserAccount admin(DbExecute tx, String email, String displayName) {
        return accounts.findUserByEmail(tx, email)
                .filter(user -> user.role() == Role.ADMIN)
                .orElseGet(() -> {
                    if (accounts.findUserByEmail(tx, email).isPresent()) {
                        throw new IllegalArgumentException("A non-administrator user already uses " + email);
                    }
                    UserAccount created = accounts.createUser(tx, email, displayName, Role.ADMIN, null);
                    audit.record(tx, null, "user.create", "user", created.id());
                    return created;
                });
    }
}
