package fr.jalon.referrals;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.security.SecretBox;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

/**
 * Referring organisations: created by an administrator or by a centre's staff (who can only
 * declare their own centre), seen by whoever they concern; webhooks set by an administrator.
 */
final class OrganisationDesk {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Transactions transactions;
    private final OrganisationRepository repository;
    private final AuditLog audit;
    private final boolean production;
    private final SecretBox secrets;
    private final DbClient db;

    OrganisationDesk(DbClient db, Transactions transactions, OrganisationRepository repository,
                     AuditLog audit, boolean production, SecretBox secrets) {
        this.secrets = secrets;
        this.db = db;
        this.transactions = transactions;
        this.repository = repository;
        this.audit = audit;
        this.production = production;
    }

    Organisation create(Principal actor, Organisation draft, Predicate<UUID> centerExists) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        if (!actor.isAdmin() && !draft.centerIds().equals(List.of(actor.scopeId()))) {
            throw ApiProblem.invalidField("centerIds", "other_center",
                    "Un centre ne peut déclarer une structure prescriptrice que pour lui-même.");
        }
        for (UUID center : draft.centerIds()) {
            if (!centerExists.test(center)) {
                throw ApiProblem.invalidField("centerIds", "unknown_center", "Le centre " + center + " n'existe pas.");
            }
        }
        return transactions.inTransaction(tx -> {
            UUID id = repository.insert(tx, draft);
            audit.record(tx, actor, "organisation.create", "organisation", id);
            return repository.find(tx, id).orElseThrow();
        });
    }

    Organisation get(Principal actor, UUID id) {
        return repository.find(plain(), id).filter(o -> visible(actor, o))
                .orElseThrow(() -> ApiProblem.notFound("Aucune structure prescriptrice ne correspond à cet identifiant."));
    }

    List<Organisation> list(Principal actor, int limit) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF, Role.ADVISER);
        if (actor.role() == Role.ADVISER) {
            return repository.find(plain(), actor.scopeId()).stream().toList();
        }
        return repository.list(plain(), actor.isAdmin() ? null : actor.scopeId(), limit);
    }

    /**
     * Sets (or removes, with a null URL) the organisation's webhook. Returns the new secret, shown
     * this once: receivers keep it to check signatures.
     */
    String setWebhook(Principal actor, UUID id, String url) {
        actor.requireRole(Role.ADMIN);
        if (url != null && production && !url.startsWith("https://")) {
            throw ApiProblem.invalidField("url", "https_required", "En production, l'adresse du webhook doit être en https://.");
        }
        if (url != null && production && !publicLiteral(url)) {
            throw ApiProblem.invalidField("url", "internal_address",
                    "En production, un webhook ne peut pas viser une adresse interne (locale, privée ou de lien local).");
        }
        String secret = url == null ? null : "whsec_" + HexFormat.of().formatHex(randomBytes());
        return transactions.inTransaction(tx -> {
            repository.find(tx, id).orElseThrow(
                    () -> ApiProblem.notFound("Aucune structure prescriptrice ne correspond à cet identifiant."));
            // Stored sealed (JALON_SECRET_KEY): a copy of the database does not give away signing secrets.
            repository.setWebhook(tx, id, url, secrets.seal(secret));
            audit.record(tx, actor, "organisation.webhook", "organisation", id);
            return secret;
        });
    }

    /** A host written as an IP address must be public; names are checked when resolved, at each delivery. */
    private static boolean publicLiteral(String url) {
        try {
            String host = URI.create(url).getHost();
            if (host == null) {
                return false;
            }
            boolean literal = host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
            return !literal && !host.equalsIgnoreCase("localhost")
                    || literal && WebhookHttp.isPublic(InetAddress.getByName(host));
        } catch (IllegalArgumentException | UnknownHostException e) {
            return false;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private DbExecute plain() {
        return db.execute();
    }

    private static boolean visible(Principal actor, Organisation o) {
        return switch (actor.role()) {
            case ADMIN -> true;
            case ADVISER -> o.id().equals(actor.scopeId());
            case CENTER_STAFF -> o.centerIds().contains(actor.scopeId());
            default -> false;
        };
    }
}
