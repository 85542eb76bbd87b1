package fr.jalon.notifications;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.QueryParams;
import fr.jalon.platform.http.Responses;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Authentication;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;

import io.helidon.dbclient.DbClient;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** What was sent, what failed and why, for the centre's staff; a failed message can be retried. */
final class NotificationsService implements ApiRoutes.ApiService {

    private static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED", "CANCELLED");

    private final NotificationRepository repository;
    private final DbClient db;
    private final Transactions transactions;
    private final AuditLog audit;

    NotificationsService(NotificationRepository repository, DbClient db, Transactions transactions, AuditLog audit) {
        this.repository = repository;
        this.db = db;
        this.transactions = transactions;
        this.audit = audit;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/notifications", this::list)
                .post("/notifications/{id}/retry", this::retry);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        QueryParams params = QueryParams.of(req);
        String status = params.text("status", 20).map(s -> s.toUpperCase(Locale.ROOT)).orElse(null);
        if (status != null && !STATUSES.contains(status)) {
            throw ApiProblem.badRequest("Le paramètre « status » doit valoir " + String.join(", ", STATUSES) + ".");
        }
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        repository.list(db.execute(), actor.isAdmin() ? null : actor.scopeId(), status, params.limit())
                .forEach(e -> items.add(json(e)));
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void retry(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        UUID id = QueryParams.pathId(req, "id");
        NotificationRepository.Entry retried = transactions.inTransaction(tx -> {
            NotificationRepository.Entry entry = repository.find(tx, id)
                    .filter(e -> actor.managesCenter(e.centerId()))
                    .orElseThrow(() -> ApiProblem.notFound("Aucune notification ne correspond à cet identifiant."));
            if (!entry.status().equals("FAILED")) {
                throw ApiProblem.conflict("Seule une notification en échec peut être renvoyée.");
            }
            repository.retry(tx, id);
            audit.record(tx, actor, "notification.retry", "notification", id);
            return repository.find(tx, id).orElseThrow();
        });
        Responses.ok(res, json(retried));
    }

    private static JsonObject json(NotificationRepository.Entry e) {
        JsonObjectBuilder body = Jsons.createObjectBuilder()
                .add("id", e.id().toString())
                .add("kind", e.kind())
                .add("channel", e.channel())
                .add("personId", e.personId().toString())
                .add("enrolmentId", e.subjectId().toString())
                .add("status", e.status())
                .add("attempts", e.attempts())
                .add("createdAt", e.createdAt().toString());
        if (!e.offsetKey().isEmpty()) {
            body.add("offset", e.offsetKey());
        }
        if (e.status().equals("PENDING")) {
            body.add("nextAttemptAt", e.nextAttemptAt().toString());
        }
        if (e.lastError() != null) {
            body.add("lastError", e.lastError());
        }
        if (e.sentAt() != null) {
            body.add("sentAt", e.sentAt().toString());
        }
        return body.build();
    }
}
