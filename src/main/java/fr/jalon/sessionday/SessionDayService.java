package fr.jalon.sessionday;

import java.util.UUID;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.JsonInput;
import fr.jalon.platform.http.QueryParams;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.http.Responses;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Authentication;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The session day over HTTP: the day sheet, candidates' reports, incidents, finalization. */
final class SessionDayService implements ApiRoutes.ApiService {

    private static final int MAX_TEXT = 500;

    private final SessionDayDesk desk;
    private final RequestBodies bodies;

    SessionDayService(SessionDayDesk desk, RequestBodies bodies) {
        this.desk = desk;
        this.bodies = bodies;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/sessions/{id}/day", this::sheet)
                .put("/sessions/{id}/finalization", this::finalizeSession)
                .put("/enrolments/{id}/day-report", this::report)
                .post("/enrolments/{id}/incidents", this::addIncident)
                .delete("/incidents/{id}", this::removeIncident);
    }

    private void sheet(ServerRequest req, ServerResponse res) {
        Responses.ok(res, json(desk.sheet(Authentication.principal(req), QueryParams.pathId(req, "id"))));
    }

    private void report(ServerRequest req, ServerResponse res) {
        JsonInput in = bodies.json(req);
        var arrivedAt = in.time("arrivedAt").orElse(null);
        String comment = in.text("comment", MAX_TEXT).orElse(null);
        boolean finished = in.bool("testFinished").orElse(true);
        String abortReason = in.text("abortReason", 20).orElse(null);
        if (abortReason != null && !abortReason.equals("candidate") && !abortReason.equals("technical")) {
            in.error("abortReason", "invalid_value", "vaut « candidate » (abandon du candidat) ou « technical » (problème technique)");
        }
        in.validate();
        SessionDayDesk.Line line = desk.report(Authentication.principal(req), QueryParams.pathId(req, "id"), arrivedAt,
                comment, finished, abortReason);
        Responses.ok(res, line(line).build());
    }

    private void addIncident(ServerRequest req, ServerResponse res) {
        JsonInput in = bodies.json(req);
        IncidentCategory category = in.required("category", in.enumValue("category", IncidentCategory.class)).orElse(null);
        String subcategory = in.text("subcategory", 60).orElse(null);
        String description = in.text("description", MAX_TEXT).orElse(null);
        Integer question = in.integer("questionNumber", 1, 500).orElse(null);
        in.validate();
        Incident incident = desk.addIncident(Authentication.principal(req), QueryParams.pathId(req, "id"),
                category, subcategory, description, question);
        Responses.created(res, "/incidents/" + incident.id(), incident(incident).build());
    }

    private void removeIncident(ServerRequest req, ServerResponse res) {
        desk.removeIncident(Authentication.principal(req), QueryParams.pathId(req, "id"));
        Responses.noContent(res);
    }

    private void finalizeSession(ServerRequest req, ServerResponse res) {
        JsonInput in = bodies.json(req);
        String comment = in.text("globalComment", MAX_TEXT).orElse(null);
        boolean hasIncident = in.bool("hasIncident").orElse(false);
        boolean hasJoiningIssue = in.bool("hasJoiningIssue").orElse(false);
        in.validate();
        UUID session = QueryParams.pathId(req, "id");
        Responses.ok(res, json(desk.finalize(Authentication.principal(req), session, comment, hasIncident, hasJoiningIssue)));
    }

    private static JsonObject json(SessionDayDesk.Sheet sheet) {
        JsonArrayBuilder lines = Jsons.createArrayBuilder();
        sheet.lines().forEach(l -> lines.add(line(l)));
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("sessionId", sheet.session().id().toString())
                .add("status", sheet.session().status().name())
                .add("hasIncident", sheet.report().hasIncident()).add("hasJoiningIssue", sheet.report().hasJoiningIssue());
        optional(body, "globalComment", sheet.report().globalComment());
        optional(body, "finalizedAt", sheet.report().finalizedAt());
        return body.add("candidates", lines).build();
    }

    private static JsonObjectBuilder line(SessionDayDesk.Line line) {
        var seat = line.seat();
        var report = line.report();
        JsonArrayBuilder incidents = Jsons.createArrayBuilder();
        line.incidents().forEach(i -> incidents.add(incident(i)));
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("enrolmentId", seat.enrolmentId().toString())
                .add("birthName", seat.birthName()).add("firstName", seat.firstName())
                .add("birthDate", seat.birthDate().toString()).add("status", seat.status().name())
                .add("testFinished", report.testFinished());
        optional(body, "arrivedAt", report.arrivedAt());
        optional(body, "comment", report.comment());
        optional(body, "abortReason", report.abortReason());
        return body.add("incidents", incidents);
    }

    private static JsonObjectBuilder incident(Incident i) {
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("id", i.id().toString())
                .add("enrolmentId", i.enrolmentId().toString()).add("category", i.category().name())
                .add("categoryLabel", i.category().label()).add("createdAt", i.createdAt().toString());
        optional(body, "subcategory", i.subcategory());
        optional(body, "description", i.description());
        if (i.questionNumber() != null) {
            body.add("questionNumber", i.questionNumber());
        }
        return body;
    }

    private static void optional(JsonObjectBuilder body, String field, Object value) {
        if (value != null) {
            body.add(field, value.toString());
        }
    }
}
