package fr.jalon.sessions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.Cursor;
import fr.jalon.platform.http.JsonInput;
import fr.jalon.platform.http.QueryParams;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.http.Responses;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Authentication;
import fr.jalon.platform.security.Principal;

import io.helidon.dbclient.DbClient;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** HTTP for sessions: parse, authorise, call the scheduling use cases, answer. */
final class SessionsService implements ApiRoutes.ApiService {

    private final SessionScheduling scheduling;
    private final DbClient db;
    private final RequestBodies bodies;

    SessionsService(SessionScheduling scheduling, DbClient db, RequestBodies bodies) {
        this.scheduling = scheduling;
        this.db = db;
        this.bodies = bodies;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/sessions", this::list)
                .post("/sessions", this::create)
                .get("/sessions/{id}", this::get)
                .patch("/sessions/{id}", this::patch)
                .post("/sessions/{id}/cancel", this::cancel);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        QueryParams params = QueryParams.of(req);
        LocalDate from = params.date("from").orElse(null);
        LocalDate to = params.date("to").orElse(null);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.badRequest("Le paramètre « to » doit être postérieur ou égal à « from ».");
        }
        SessionCriteria criteria = new SessionCriteria(params.uuid("center").orElse(null), from, to,
                params.uuid("site").orElse(null), params.enumValue("status", SessionStatus.class).orElse(null));
        int limit = params.limit();
        SessionCursor after = params.cursor().map(SessionsService::after).orElse(null);
        List<CertificationSession> page = scheduling.list(actor, db.execute(), criteria, after, limit);
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        page.forEach(s -> items.add(SessionJson.session(s)));
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("items", items);
        if (page.size() == limit) {
            CertificationSession last = page.getLast();
            body.add("nextCursor", Cursor.of(last.slot().date().toString(), last.slot().startTime().toString(),
                    last.id().toString()).encode());
        }
        Responses.ok(res, body.build());
    }

    private void create(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        JsonInput in = bodies.json(req);
        UUID roomId = in.required("roomId", in.uuid("roomId")).orElse(null);
        LocalDate date = in.required("date", in.date("date")).orElse(null);
        LocalTime time = in.required("startTime", in.time("startTime")).orElse(null);
        int duration = in.integer("durationMinutes", 15, 600).orElse(SessionSlot.DEFAULT_DURATION_MINUTES);
        Optional<Integer> capacity = in.integer("capacity", 1, 500);
        String description = in.text("description", 2000).orElse(null);
        String type = in.text("certificationType", 40).orElse(null);
        in.validate();
        CertificationSession session = scheduling.schedule(actor,
                new SessionDraft(roomId, date, time, duration, capacity, description, type));
        Responses.created(res, "/sessions/" + session.id(), SessionJson.session(session));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        Responses.ok(res, SessionJson.session(scheduling.session(actor, db.execute(), QueryParams.pathId(req, "id"))));
    }

    private void patch(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        UUID id = QueryParams.pathId(req, "id");
        JsonInput in = bodies.json(req);
        Optional<Optional<String>> description = in.present("description")
                ? Optional.of(in.text("description", 2000)) : Optional.empty();
        SessionChanges changes = new SessionChanges(in.uuid("roomId"), in.date("date"), in.time("startTime"),
                in.integer("durationMinutes", 15, 600), in.integer("capacity", 1, 500), description);
        in.validate();
        Responses.ok(res, SessionJson.session(scheduling.change(actor, id, changes)));
    }

    private void cancel(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        UUID id = QueryParams.pathId(req, "id");
        JsonInput in = bodies.json(req);
        String reason = in.requiredText("reason", 500);
        in.validate();
        Responses.ok(res, SessionJson.session(scheduling.cancel(actor, id, reason)));
    }

    private static SessionCursor after(Cursor cursor) {
        try {
            return new SessionCursor(LocalDate.parse(cursor.key(0)), LocalTime.parse(cursor.key(1)),
                    UUID.fromString(cursor.key(2)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ApiProblem.badRequest("Le paramètre « cursor » est invalide : reprenez la valeur « nextCursor » d'une réponse.");
        }
    }
}
