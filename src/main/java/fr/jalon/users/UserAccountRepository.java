package fr.jalon.users;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.security.TokenLookup;
import fr.jalon.platform.security.TokenSecrets;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/**
 * SQL for users and their API tokens. Users and tokens belong to the platform because every
 * request is authenticated against them; the {@code users} feature exposes them over HTTP.
 */
public final class UserAccountRepository implements TokenLookup {

    private static final String USER_COLUMNS = "id, email, display_name, role, COALESCE(center_id, organisation_id, authority_id) AS scope_id, created_at, disabled_at";
    private static final String TOKEN_COLUMNS = "id, user_id, label, created_at, expires_at, last_used_at, revoked_at";

    private final DbClient db;

    public UserAccountRepository(DbClient db) {
        this.db = db;
    }

    /** {@code scopeId}: the centre, the referring organisation or the local authority, as the role requires (null for ADMIN). */
    public UserAccount createUser(DbExecute exec, String email, String displayName, Role role, UUID scopeId) {
        UUID center = role.scopeKind() == Role.ScopeKind.CENTER ? scopeId : null;
        UUID organisation = role.scopeKind() == Role.ScopeKind.REFERRING_ORGANISATION ? scopeId : null;
        UUID authority = role.scopeKind() == Role.ScopeKind.LOCAL_AUTHORITY ? scopeId : null;
        return exec.get("INSERT INTO users (email, display_name, role, center_id, organisation_id, authority_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?) RETURNING " + USER_COLUMNS, email, displayName, role.name(), center,
                        organisation, authority)
                .map(UserAccountRepository::user)
                .orElseThrow();
    }

    public Optional<UserAccount> findUser(DbExecute exec, UUID id) {
        return exec.get("SELECT " + USER_COLUMNS + " FROM users WHERE id = ?", id).map(UserAccountRepository::user);
    }

    public Optional<UserAccount> findUserByEmail(DbExecute exec, String email) {
        return exec.get("SELECT " + USER_COLUMNS + " FROM users WHERE lower(email) = lower(?)", email)
                .map(UserAccountRepository::user);
    }

    public boolean anyAdmin(DbExecute exec) {
        return exec.get("SELECT 1 FROM users WHERE role = 'ADMIN' AND disabled_at IS NULL LIMIT 1").isPresent();
    }

    public List<UserAccount> listUsers(DbExecute exec, int limit, String afterEmail) {
        return exec.query("SELECT " + USER_COLUMNS + " FROM users WHERE lower(email) > lower(?) ORDER BY lower(email) LIMIT ?",
                        afterEmail == null ? "" : afterEmail, limit)
                .map(UserAccountRepository::user)
                .toList();
    }

    public IssuedToken issueToken(DbExecute exec, UUID userId, String label, Instant expiresAt) {
        String secret = TokenSecrets.newSecret();
        return new IssuedToken(insertToken(exec, userId, label, expiresAt, TokenSecrets.hash(secret)), secret);
    }

    /** Registers a secret chosen outside (the bootstrap token from the environment). */
    public TokenInfo registerToken(DbExecute exec, UUID userId, String label, String secret) {
        return insertToken(exec, userId, label, null, TokenSecrets.hash(secret));
    }

    public boolean tokenHashExists(DbExecute exec, String secret) {
        return exec.get("SELECT 1 FROM api_tokens WHERE token_hash = ?", TokenSecrets.hash(secret)).isPresent();
    }

    public List<TokenInfo> tokensOf(DbExecute exec, UUID userId) {
        return exec.query("SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE user_id = ? ORDER BY created_at", userId)
                .map(UserAccountRepository::token)
                .toList();
    }

    public Optional<TokenInfo> findToken(DbExecute exec, UUID tokenId) {
        return exec.get("SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE id = ?", tokenId).map(UserAccountRepository::token);
    }

    public void revokeToken(DbExecute exec, UUID tokenId) {
        exec.dml("UPDATE api_tokens SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL", tokenId);
    }

    /**
     * Retention: accounts (other than administrators) created more than {@code months} months ago
     * and unused since — no token used, created or changed in that time.
     */
    public List<UUID> inactive(DbExecute exec, int months) {
        return exec.query("""
                        SELECT u.id FROM users u
                        WHERE u.anonymised_at IS NULL AND u.role <> 'ADMIN'
                          AND u.created_at < now() - make_interval(months => CAST(? AS integer))
                          AND NOT EXISTS (SELECT 1 FROM api_tokens t WHERE t.user_id = u.id
                                          AND greatest(t.created_at, t.last_used_at)
                                              > now() - make_interval(months => CAST(? AS integer)))""", months, months)
                .map(row -> Rows.uuid(row, "id")).toList();
    }

    /**
     * Disables an account: every token revoked; evicted from this instance's cache at once, and
     * refused by every other instance within the token cache's life (their lookups check the account).
     * Returns how many tokens were revoked.
     */
    public int disable(DbExecute exec, UUID id) {
        exec.dml("UPDATE users SET disabled_at = coalesce(disabled_at, now()) WHERE id = ?", id);
        long revoked = exec.dml("UPDATE api_tokens SET revoked_at = now() WHERE user_id = ? AND revoked_at IS NULL", id);
        return (int) revoked;
    }

    /** Disables these accounts for good: no name, no e-mail, every token revoked (the caller evicts them from the token cache). */
    public void anonymise(DbExecute exec, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Object array = SqlArrays.of(ids);
        exec.dml("""
                UPDATE users u SET display_name = 'Compte anonymisé', email = 'anonymise-' || u.id || '@invalid',
                    disabled_at = coalesce(u.disabled_at, now()), anonymised_at = now(), password_hash = NULL,
                    failed_logins = 0, locked_until = NULL
                WHERE u.id = ANY(CAST(? AS uuid[])) AND u.anonymised_at IS NULL""", array);
        exec.dml("DELETE FROM console_sessions WHERE user_id = ANY(CAST(? AS uuid[]))", array);
        exec.dml("DELETE FROM password_links WHERE user_id = ANY(CAST(? AS uuid[]))", array);
        exec.dml("UPDATE api_tokens SET revoked_at = now() WHERE user_id = ANY(CAST(? AS uuid[])) AND revoked_at IS NULL",
                array);
    }

    /** What a sign-in checks, the user's row locked (concurrent attempts on one account take turns). */
    record Credentials(UUID userId, String email, String passwordHash, int failedLogins, Instant lockedUntil,
                       boolean disabled) {
    }

    Optional<Credentials> credentialsForUpdate(DbExecute exec, String email) {
        return exec.get("""
                        SELECT id, email, password_hash, failed_logins, locked_until, disabled_at
                        FROM users WHERE lower(email) = lower(?) FOR UPDATE""", email)
                .map(row -> new Credentials(Rows.uuid(row, "id"), Rows.text(row, "email"), Rows.text(row, "password_hash"),
                        Rows.integer(row, "failed_logins"), Rows.instant(row, "locked_until"),
                        Rows.instant(row, "disabled_at") != null));
    }

    void recordFailedSignIn(DbExecute exec, UUID userId, int failures, Instant lockedUntil) {
        exec.dml("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?", failures,
                lockedUntil == null ? null : lockedUntil.atOffset(ZoneOffset.UTC), userId);
    }

    void recordSignIn(DbExecute exec, UUID userId) {
        exec.dml("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?", userId);
    }

    void setPassword(DbExecute exec, UUID userId, String hash) {
        exec.dml("UPDATE users SET password_hash = ?, password_changed_at = now(), failed_logins = 0, locked_until = NULL "
                + "WHERE id = ?", hash, userId);
    }

    void openConsoleSession(DbExecute exec, UUID tokenId, UUID userId, String csrfToken) {
        exec.dml("INSERT INTO console_sessions (token_id, user_id, csrf_token) VALUES (?, ?, ?)", tokenId, userId, csrfToken);
    }

    /** A console session still open: its user's name, CSRF token and last activity. */
    record OpenSession(String displayName, String csrfToken, Instant lastSeenAt) {
    }

    Optional<OpenSession> consoleSession(DbExecute exec, UUID tokenId) {
        return exec.get("""
                        SELECT u.display_name, s.csrf_token, s.last_seen_at
                        FROM console_sessions s JOIN users u ON u.id = s.user_id WHERE s.token_id = ?""", tokenId)
                .map(row -> new OpenSession(Rows.text(row, "display_name"), Rows.text(row, "csrf_token"),
                        Rows.instant(row, "last_seen_at")));
    }

    void touchConsoleSession(DbExecute exec, UUID tokenId) {
        exec.dml("UPDATE console_sessions SET last_seen_at = now() WHERE token_id = ?", tokenId);
    }

    /** Closes one console session: its token revoked, its row gone. */
    void closeConsoleSession(DbExecute exec, UUID tokenId) {
        exec.dml("DELETE FROM console_sessions WHERE token_id = ?", tokenId);
        revokeToken(exec, tokenId);
    }

    /** Closes every console session of a user; returns their token ids (to evict from the cache). */
    List<UUID> closeConsoleSessions(DbExecute exec, UUID userId) {
        List<UUID> ids = exec.query("DELETE FROM console_sessions WHERE user_id = ? RETURNING token_id", userId)
                .map(row -> Rows.uuid(row, "token_id")).toList();
        if (ids.isEmpty()) {
            return ids;
        }
        Object array = SqlArrays.of(ids);
        exec.dml("UPDATE api_tokens SET revoked_at = now() WHERE id = ANY(CAST(? AS uuid[])) AND revoked_at IS NULL", array);
        return ids;
    }

    /** When the user's last password link was sent, if one is still unused and valid. */
    Optional<Instant> lastOpenPasswordLink(DbExecute exec, UUID userId) {
        return exec.get("""
                        SELECT max(created_at) AS at FROM password_links
                        WHERE user_id = ? AND used_at IS NULL AND expires_at > now()""", userId)
                .map(row -> Rows.instant(row, "at"));
    }

    void insertPasswordLink(DbExecute exec, UUID userId, String secretHash, Instant expiresAt) {
        exec.dml("INSERT INTO password_links (user_id, secret_hash, expires_at) VALUES (?, ?, ?)", userId, secretHash,
                expiresAt.atOffset(ZoneOffset.UTC));
    }

    /** A password link by its secret's hash, with what using it needs; its row locked. */
    record PasswordLink(UUID id, UUID userId, String email, Instant expiresAt, boolean used, boolean disabled) {
    }

    Optional<PasswordLink> passwordLinkForUpdate(DbExecute exec, String secretHash) {
        return exec.get("""
                        SELECT l.id, l.user_id, u.email, l.expires_at, l.used_at, u.disabled_at
                        FROM password_links l JOIN users u ON u.id = l.user_id
                        WHERE l.secret_hash = ? FOR UPDATE OF l""", secretHash)
                .map(row -> new PasswordLink(Rows.uuid(row, "id"), Rows.uuid(row, "user_id"), Rows.text(row, "email"),
                        Rows.instant(row, "expires_at"), Rows.instant(row, "used_at") != null,
                        Rows.instant(row, "disabled_at") != null));
    }

    /** Every open link of the user is spent (the one used, and any older one). */
    void spendPasswordLinks(DbExecute exec, UUID userId) {
        exec.dml("UPDATE password_links SET used_at = now() WHERE user_id = ? AND used_at IS NULL", userId);
    }

    @Override
    public Optional<Authenticated> lookup(String hash) {
        return db.execute().get("""
                        SELECT t.id AS token_id, t.last_used_at, u.id AS user_id, u.role,
                               COALESCE(u.center_id, u.organisation_id, u.authority_id) AS scope_id
                        FROM api_tokens t JOIN users u ON u.id = t.user_id
                        WHERE t.token_hash = ? AND t.revoked_at IS NULL
                          AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.disabled_at IS NULL""",
                        hash)
                .map(row -> new Authenticated(
                        new Principal(Rows.uuid(row, "user_id"), Rows.uuid(row, "token_id"),
                                Role.valueOf(Rows.text(row, "role")), Rows.uuid(row, "scope_id")),
                        Rows.instant(row, "last_used_at")));
    }

    @Override
    public void touch(UUID tokenId) {
        db.execute().dml("UPDATE api_tokens SET last_used_at = now() WHERE id = ?", tokenId);
    }

    private static TokenInfo insertToken(DbExecute exec, UUID userId, String label, Instant expiresAt, String hash) {
        OffsetDateTime expires = expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC);
        return exec.get("INSERT INTO api_tokens (user_id, label, token_hash, expires_at) VALUES (?, ?, ?, ?) RETURNING "
                        + TOKEN_COLUMNS, userId, label, hash, expires)
                .map(UserAccountRepository::token)
                .orElseThrow();
    }

    private static UserAccount user(DbRow row) {
        return new UserAccount(Rows.uuid(row, "id"), Rows.text(row, "email"), Rows.text(row, "display_name"),
                Role.valueOf(Rows.text(row, "role")), Rows.uuid(row, "scope_id"),
                Rows.instant(row, "created_at"), Rows.instant(row, "disabled_at"));
    }

    private static TokenInfo token(DbRow row) {
        return new TokenInfo(Rows.uuid(row, "id"), Rows.uuid(row, "user_id"), Rows.text(row, "label"),
                Rows.instant(row, "created_at"), Rows.instant(row, "expires_at"),
                Rows.instant(row, "last_used_at"), Rows.instant(row, "revoked_at"));
    }

}
