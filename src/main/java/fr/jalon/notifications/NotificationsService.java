package fr.jalon.notifications;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.QueryParams;
import fr.jalon.platform.http.Responses;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Authentication;
import fr.jalon.platform.security.Principal;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** What was sent, what failed and why, for the centre's staff; a failed message can be retried. */
final class NotificationsService implements ApiRoutes.ApiService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final NotificationDesk desk;
    private final Clock clock;

    NotificationsService(NotificationDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/notifications", this::list)
                .get("/notifications/letters", this::letterBatches)
                .get("/notifications/letters.pdf", this::printLetters)
                .post("/notifications/{id}/retry", this::retry);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        QueryParams params = QueryParams.of(req);
        String status = params.text("status", 20).map(s -> s.toUpperCase(Locale.ROOT)).orElse(null);
        if (status != null && !NotificationDesk.STATUSES.contains(status)) {
            throw ApiProblem.badRequest("Le paramètre « status » doit valoir "
                    + String.join(", ", NotificationDesk.STATUSES) + ".");
        }
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        desk.list(actor, status, params.limit()).forEach(e -> items.add(json(e)));
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void letterBatches(ServerRequest req, ServerResponse res) {
        LocalDate day = QueryParams.of(req).date("date").orElseGet(() -> LocalDate.now(clock.withZone(PARIS)));
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (LetterBatch batch : desk.letterBatches(Authentication.principal(req), day)) {
            items.add(Jsons.createObjectBuilder()
                    .add("siteId", batch.siteId().toString())
                    .add("site", batch.site())
                    .add("centerId", batch.centerId().toString())
                    .add("letters", batch.letters())
                    .add("pdf", ApiRoutes.BASE + "/notifications/letters.pdf?date=" + day + "&siteId=" + batch.siteId()));
        }
        Responses.ok(res, Jsons.createObjectBuilder().add("date", day.toString()).add("items", items).build());
    }

    private void printLetters(ServerRequest req, ServerResponse res) {
        QueryParams params = QueryParams.of(req);
        LocalDate day = params.date("date").orElseGet(() -> LocalDate.now(clock.withZone(PARIS)));
        UUID siteId = params.uuid("siteId").orElseThrow(
                () -> ApiProblem.badRequest("Le paramètre « siteId » (le site dont imprimer les courriers) est obligatoire."));
        byte[] pdf = desk.printLetters(Authentication.principal(req), day, siteId);
        Responses.file(res, "application/pdf", "courriers-" + day + ".pdf", pdf);
    }

    private void retry(ServerRequest req, ServerResponse res) {
        OutboxEntry retried = desk.retry(Authentication.principal(req), QueryParams.pathId(req, "id"));
        Responses.ok(res, json(retried));
    }

    private static JsonObject json(OutboxEntry e) {
        JsonObjectBuilder body = Jsons.createObjectBuilder()
                .add("id", e.id().toString())
                .add("kind", e.kind())
                .add("channel", e.channel())
                .add("status", e.status())
                .add("attempts", e.attempts())
                .add("createdAt", e.createdAt().toString());
        // A message goes to a candidate (about an enrolment), an agent (about a campaign) or an invigilator (an assignment).
        if (e.personId() != null) {
            body.add("personId", e.personId().toString()).add("enrolmentId", e.subjectId().toString());
        } else if (e.agentId() != null) {
            body.add("agentId", e.agentId().toString()).add("campaignId", e.subjectId().toString());
        } else {
            body.add("invigilatorId", e.invigilatorId().toString()).add("assignmentId", e.subjectId().toString());
        }
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
