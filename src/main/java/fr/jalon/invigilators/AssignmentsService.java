package fr.jalon.invigilators;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.JsonInput;
import fr.jalon.platform.http.QueryParams;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.http.Responses;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Authentication;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** Assignments over HTTP: by hand, by the planner, and as invigilators see them (list, answers, calendar). */
final class AssignmentsService implements ApiRoutes.ApiService {

    private final AssignmentDesk assignments;
    private final PlanDesk plans;
    private final CalendarFeed calendar;
    private final RequestBodies bodies;

    /** The solver's time budget when the request names none (JALON_PLANNER_SECONDS). */
    private final Duration defaultLimit;

    AssignmentsService(AssignmentDesk assignments, PlanDesk plans, CalendarFeed calendar, RequestBodies bodies,
                       Duration defaultLimit) {
        this.defaultLimit = defaultLimit;
        this.assignments = assignments;
        this.plans = plans;
        this.calendar = calendar;
        this.bodies = bodies;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/sessions/{id}/assignments", this::assign)
                .get("/sessions/{id}/assignments", this::assignmentsOfSession)
                .delete("/assignments/{id}", this::unassign)
                .post("/assignments/plans", this::plan)
                .post("/assignments/plans/{id}/publish", this::publish)
                .get("/me/assignments", this::mine)
                .post("/me/assignments/{id}/confirm", this::confirm)
                .post("/me/assignments/{id}/decline", this::decline)
                .put("/me/calendar", this::renewCalendar)
                .delete("/me/calendar", this::revokeCalendar)
                .root(Method.GET, "/calendars/{file}", this::calendarFeed);
    }

    private void assign(ServerRequest req, ServerResponse res) {
        JsonInput in = bodies.json(req);
        UUID invigilator = in.required("invigilatorId", in.uuid("invigilatorId")).orElse(null);
        boolean locked = in.bool("locked").orElse(false);
        in.validate();
        Assignment created = assignments.assign(Authentication.principal(req), QueryParams.pathId(req, "id"),
                invigilator, locked);
        Responses.created(res, "/assignments/" + created.id(), json(created));
    }

    private void mine(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (MyAssignment a : assignments.mine(Authentication.principal(req))) {
            items.add(Jsons.createObjectBuilder().add("id", a.id().toString()).add("sessionId", a.sessionId().toString())
                    .add("date", a.date().toString()).add("startTime", a.startTime().toString()).add("site", a.site())
                    .add("room", a.room()).add("address", a.address()).add("status", a.status()));
        }
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void confirm(ServerRequest req, ServerResponse res) {
        assignments.answer(Authentication.principal(req), QueryParams.pathId(req, "id"), true, null);
        Responses.noContent(res);
    }

    private void decline(ServerRequest req, ServerResponse res) {
        JsonInput in = bodies.json(req);
        String reason = in.text("reason", 500).orElse(null);
        in.validate();
        assignments.answer(Authentication.principal(req), QueryParams.pathId(req, "id"), false, reason);
        Responses.noContent(res);
    }

    private void renewCalendar(ServerRequest req, ServerResponse res) {
        Responses.ok(res, Jsons.createObjectBuilder().add("path", calendar.renew(Authentication.principal(req))).build());
    }

    private void revokeCalendar(ServerRequest req, ServerResponse res) {
        calendar.revoke(Authentication.principal(req));
        Responses.noContent(res);
    }

    /** Public: the secret in the URL is the credential. Unknown and revoked secrets look alike. */
    private void calendarFeed(ServerRequest req, ServerResponse res) {
        String file = req.path().pathParameters().get("file");
        String secret = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : file;
        String ics = calendar.feed(secret).orElseThrow(() -> ApiProblem.notFound(
                "Ce calendrier n'existe pas ou a été révoqué."));
        res.header(HeaderNames.CONTENT_TYPE, "text/calendar; charset=UTF-8")
                .header(HeaderNames.CACHE_CONTROL, "private, max-age=300").send(ics);
    }

    private void plan(ServerRequest req, ServerResponse res) {
        JsonInput in = bodies.json(req);
        LocalDate from = in.required("from", in.date("from")).orElse(null);
        LocalDate to = in.required("to", in.date("to")).orElse(null);
        UUID center = in.uuid("centerId").orElse(null);
        Duration limit = in.integer("seconds", 1, 60).map(Duration::ofSeconds).orElse(defaultLimit);
        in.validate();
        JsonObject plan = plans.plan(Authentication.principal(req), center, from, to, limit);
        Responses.created(res, "/assignments/plans/" + plan.getString("id"), plan);
    }

    private void publish(ServerRequest req, ServerResponse res) {
        Responses.ok(res, plans.publish(Authentication.principal(req), QueryParams.pathId(req, "id")));
    }

    private void assignmentsOfSession(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        assignments.ofSession(Authentication.principal(req), QueryParams.pathId(req, "id")).forEach(a -> items.add(json(a)));
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void unassign(ServerRequest req, ServerResponse res) {
        assignments.remove(Authentication.principal(req), QueryParams.pathId(req, "id"));
        Responses.noContent(res);
    }

    private static JsonObject json(Assignment a) {
        return Jsons.createObjectBuilder().add("id", a.id().toString()).add("sessionId", a.sessionId().toString())
                .add("invigilatorId", a.invigilatorId().toString()).add("invigilator", a.invigilatorName())
                .add("status", a.status()).add("locked", a.locked()).build();
    }
}
