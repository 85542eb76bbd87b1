package fr.jalon.platform.audit;

import java.util.List;
import java.util.UUID;

import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.Cursor;
import fr.jalon.platform.http.JsonText;
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
import jakarta.json.JsonObjectBuilder;

/** {@code GET /api/v1/audit}: the audit trail, newest first, for administrators. */
public final class AuditService implements ApiRoutes.ApiService {

    private final AuditLog audit;
    private final DbClient db;

    public AuditService(AuditLog audit, DbClient db) {
        this.audit = audit;
        this.db = db;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/audit", this::list);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        actor.requireRole(Role.ADMIN);
        QueryParams params = QueryParams.of(req);
        int limit = params.limit();
        long before = params.cursor().map(c -> parseId(c.key(0))).orElse(Long.MAX_VALUE);
        UUID actorFilter = params.uuid("actor").orElse(null);
        List<AuditLog.Entry> entries = audit.list(db.execute(), params.text("recordType", 40).orElse(null),
                params.text("recordId", 80).orElse(null), actorFilter, before, limit);
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (AuditLog.Entry e : entries) {
            JsonObjectBuilder item = Jsons.createObjectBuilder()
                    .add("id", e.id())
                    .add("at", e.at().toString())
                    .add("actorRole", e.actorRole())
                    .add("action", e.action())
                    .add("recordType", e.recordType())
                    .add("recordId", e.recordId());
            if (e.actorUserId() != null) {
                item.add("actorUserId", e.actorUserId().toString());
            }
            if (e.details() != null) {
                item.add("details", JsonText.readObject(e.details()));
            }
            items.add(item);
        }
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("items", items);
        if (entries.size() == limit) {
            body.add("nextCursor", Cursor.of(String.valueOf(entries.getLast().id())).encode());
        }
        Responses.ok(res, body.build());
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("Le paramètre « cursor » est invalide : reprenez la valeur « nextCursor » d'une réponse.");
        }
    }
}
