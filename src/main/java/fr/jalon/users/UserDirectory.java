package fr.jalon.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.security.TokenCache;

import io.helidon.dbclient.DbExecute;

/**
 * Use cases of users and tokens. Administrators manage everyone; a user may read itself and
 * manage its own tokens. Reads are audited because a user record is personal data.
 */
final class UserDirectory {

    private final Transactions transactions;
    private final UserAccountRepository accounts;
    private final TokenCache tokens;
    private final Centers centers;
    private final AuditLog audit;

    private final Organisations organisations;
    private final Authorities authorities;
    private final Clock clock;

    /** The longest life of a token a user (not an administrator) makes with a token that never expires. */
    static final Duration SELF_ISSUED_MAX = Duration.ofDays(90);

    UserDirectory(Transactions transactions, UserAccountRepository accounts, TokenCache tokens, Centers centers,
                  Organisations organisations, Authorities authorities, AuditLog audit, Clock clock) {
        this.authorities = authorities;
        this.clock = clock;
        this.tokens = tokens;
        this.organisations = organisations;
        this.transactions = transactions;
        this.accounts = accounts;
        this.centers = centers;
        this.audit = audit;
    }

    /** A new user; the scope must match the role (DESIGN.md). */
    record NewUser(String email, String displayName, Role role, UUID centerId, UUID organisationId, UUID authorityId) {

        UUID scopeId() {
            return switch (role.scopeKind()) {
                case REFERRING_ORGANISATION -> organisationId;
                case LOCAL_AUTHORITY -> authorityId;
                default -> centerId;
            };
        }
    }

    UserAccount create(Principal actor, NewUser user) {
        actor.requireRole(Role.ADMIN);
        return transactions.inTransaction(tx -> {
            checkScope(tx, user);
            if (accounts.findUserByEmail(tx, user.email()).isPresent()) {
                throw ApiProblem.invalidField("email", "duplicate", "Un utilisateur utilise déjà cette adresse e-mail.");
            }
            UserAccount created = accounts.createUser(tx, user.email(), user.displayName(), user.role(), user.scopeId());
            audit.record(tx, actor, "user.create", "user", created.id());
            return created;
        });
    }

    List<UserAccount> list(Principal actor, int limit, String afterEmail) {
        actor.requireRole(Role.ADMIN);
        return transactions.inTransaction(tx -> {
            List<UserAccount> users = accounts.listUsers(tx, limit, afterEmail);
            users.forEach(u -> audit.record(tx, actor, "user.read", "user", u.id()));
            return users;
        });
    }

    UserAccount get(Principal actor, UUID id) {
        return transactions.inTransaction(tx -> {
            UserAccount user = visibleUser(actor, tx, id);
            audit.record(tx, actor, "user.read", "user", id);
            return user;
        });
    }

    /**
     * A new token. Only an administrator issues tokens for someone else. A token a user makes for
     * themselves never outlives the token that made it; when that one never expires, a user other
     * than an administrator still gets one that expires within {@link #SELF_ISSUED_MAX}.
     */
    IssuedToken issueToken(Principal actor, UUID userId, String label, Instant expiresAt) {
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw ApiProblem.invalidField("expiresAt", "past", "La date d'expiration doit être dans le futur.");
        }
        return transactions.inTransaction(tx -> {
            UserAccount user = visibleUser(actor, tx, userId);
            if (user.disabledAt() != null) {
                throw ApiProblem.conflict("Cet utilisateur est désactivé : aucun jeton ne peut lui être délivré.");
            }
            Instant expires = expiresAt;
            if (userId.equals(actor.userId())) {
                Instant limit = accounts.findToken(tx, actor.tokenId()).map(TokenInfo::expiresAt)
                        .orElse(null);
                if (limit == null && !actor.isAdmin()) {
                    limit = clock.instant().plus(SELF_ISSUED_MAX);
                }
                if (limit != null && expires != null && expires.isAfter(limit)) {
                    throw ApiProblem.invalidField("expiresAt", "outlives_token", "Un jeton que vous créez pour vous-même "
                            + "ne peut pas expirer après le jeton qui le crée (" + limit + ").");
                }
                expires = expires == null ? limit : expires;
            }
            IssuedToken token = accounts.issueToken(tx, userId, label, expires);
            audit.record(tx, actor, "token.create", "token", token.info().id());
            return token;
        });
    }

    List<TokenInfo> tokens(Principal actor, UUID userId) {
        return transactions.inTransaction(tx -> {
            visibleUser(actor, tx, userId);
            audit.record(tx, actor, "token.list", "user", userId);
            return accounts.tokensOf(tx, userId);
        });
    }

    /** An administrator disables a user: every token revoked at once, no new one; the user stays for the record. */
    UserAccount disable(Principal actor, UUID userId) {
        actor.requireRole(Role.ADMIN);
        if (userId.equals(actor.userId())) {
            throw ApiProblem.conflict("Vous ne pouvez pas désactiver votre propre compte.");
        }
        return transactions.inTransaction(tx -> {
            visibleUser(actor, tx, userId);
            accounts.disable(tx, userId);
            tokens.evictUsers(List.of(userId));
            audit.record(tx, actor, "user.disable", "user", userId);
            return accounts.findUser(tx, userId).orElseThrow();
        });
    }

    void revoke(Principal actor, UUID tokenId) {
        transactions.run(tx -> {
            TokenInfo token = accounts.findToken(tx, tokenId)
                    .filter(t -> actor.isAdmin() || t.userId().equals(actor.userId()))
                    .orElseThrow(() -> ApiProblem.notFound("Aucun jeton ne correspond à cet identifiant."));
            accounts.revokeToken(tx, token.id());
            tokens.evictToken(token.id());
            audit.record(tx, actor, "token.revoke", "token", tokenId);
        });
    }

    private UserAccount visibleUser(Principal actor, DbExecute exec, UUID id) {
        return accounts.findUser(exec, id)
                .filter(u -> actor.isAdmin() || u.id().equals(actor.userId()))
                .orElseThrow(() -> ApiProblem.notFound("Aucun utilisateur ne correspond à cet identifiant."));
    }

    private void checkScope(DbExecute exec, NewUser user) {
        switch (user.role().scopeKind()) {
            case NONE -> {
                if (user.centerId() != null) {
                    throw ApiProblem.invalidField("centerId", "unexpected", "Un administrateur n'est rattaché à aucun centre.");
                }
            }
            case CENTER -> {
                if (user.centerId() == null) {
                    throw ApiProblem.invalidField("centerId", "required",
                            "Le champ « centerId » est obligatoire pour le rôle " + user.role() + ".");
                }
                if (!centers.centerExists(exec, user.centerId())) {
                    throw ApiProblem.invalidField("centerId", "unknown_center", "Ce centre n'existe pas.");
                }
            }
            case REFERRING_ORGANISATION -> {
                if (user.organisationId() == null) {
                    throw ApiProblem.invalidField("organisationId", "required",
                            "Le champ « organisationId » est obligatoire pour le rôle " + user.role() + ".");
                }
                if (!organisations.exists(exec, user.organisationId())) {
                    throw ApiProblem.invalidField("organisationId", "unknown_organisation",
                            "Cette structure prescriptrice n'existe pas.");
                }
            }
            case LOCAL_AUTHORITY -> {
                if (user.authorityId() == null) {
                    throw ApiProblem.invalidField("authorityId", "required",
                            "Le champ « authorityId » est obligatoire pour le rôle " + user.role() + ".");
                }
                if (!authorities.exists(exec, user.authorityId())) {
                    throw ApiProblem.invalidField("authorityId", "unknown_authority", "Cette collectivité n'existe pas.");
                }
            }
        }
    }
}
