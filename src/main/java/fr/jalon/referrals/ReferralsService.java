package fr.jalon.referrals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.candidates.Candidates;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.JsonInput;
import fr.jalon.platform.http.JsonText;
import fr.jalon.platform.http.ProblemList;
import fr.jalon.platform.http.QueryParams;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.http.Responses;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Authentication;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.validation.FieldError;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** Referrals over HTTP: intake (idempotent), the centre's decisions, the adviser's change feed. */
final class ReferralsService implements ApiRoutes.ApiService {

    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final ReferralDesk desk;
    private final ReferralIntake intake;
    private final ReferralFeed feed;
    private final Candidates candidates;
    private final RequestBodies bodies;
    private final Clock clock;

    ReferralsService(ReferralDesk desk, ReferralIntake intake, ReferralFeed feed, Candidates candidates,
                     RequestBodies bodies, Clock clock) {
        this.desk = desk;
        this.feed = feed;
        this.intake = intake;
        this.candidates = candidates;
        this.bodies = bodies;
        this.clock = clock;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/referrals", this::refer)
                .post("/referrals/batch", this::referBatch)
                .get("/referrals", this::list)
                .get("/referrals/changes", this::feed)
                .get("/referrals/{id}", this::get)
                .get("/referrals/{id}/proposals", this::proposals)
                .get("/referrals/{id}/convocation", this::convocation)
                .post("/referrals/{id}/accept", this::accept)
                .post("/referrals/{id}/refuse", this::refuse)
                .post("/referrals/{id}/postpone", this::postpone)
                .post("/referrals/{id}/cancel", this::cancel);
    }

    private void refer(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        actor.requireRole(Role.ADVISER);
        JsonInput in = bodies.json(req);
        ReferralDesk.Intake form = ReferralForms.intake(in, candidates, LocalDate.now(clock));
        Optional<String> key = req.headers().first(HeaderNames.create("Idempotency-Key")).map(String::strip);
        if (key.isPresent() && (key.get().isEmpty() || key.get().length() > MAX_IDEMPOTENCY_KEY)) {
            throw ApiProblem.badRequest("L'en-tête Idempotency-Key doit compter de 1 à " + MAX_IDEMPOTENCY_KEY + " caractères.");
        }
        ReferralIntake.Answer answer = intake.refer(actor, form, key, ReferralIntake.requestHash(in.raw().toString()));
        if (answer.replayed()) {
            res.header("Idempotent-Replayed", "true");
        }
        if (answer.referralId() != null) {
            res.header(HeaderNames.LOCATION, ApiRoutes.BASE + "/referrals/" + answer.referralId());
        }
        res.status(Status.create(answer.status())).header(HeaderNames.CONTENT_TYPE, "application/json").send(answer.body());
    }

    /**
     * Many referrals from one CSV file: every line is checked first, then all are recorded in one
     * transaction — all or nothing, with a report naming each faulty line.
     */
    private void referBatch(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        actor.requireRole(Role.ADVISER);
        ReferralBatchFile.Content content = ReferralBatchFile.read(bodies.csvFile(req));
        List<FieldError> errors = new ProblemList(content.errors());
        List<ReferralIntake.BatchLine> read = new ArrayList<>();
        for (ReferralBatchFile.Line line : content.lines()) {
            try {
                read.add(new ReferralIntake.BatchLine(line.number(),
                        ReferralForms.intake(new JsonInput(line.body()), candidates, LocalDate.now(clock))));
            } catch (ApiProblem problem) {
                errors.addAll(ReferralIntake.atLine(line.number(), problem));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        List<Referral> created = intake.referAll(actor, read);
        JsonArrayBuilder lines = Jsons.createArrayBuilder();
        for (int i = 0; i < created.size(); i++) {
            JsonObjectBuilder line = Jsons.createObjectBuilder().add("line", content.lines().get(i).number())
                    .add("referralId", created.get(i).id().toString());
            if (created.get(i).needsFlag() != null) {
                line.add("needsFlag", created.get(i).needsFlag());
            }
            lines.add(line);
        }
        res.status(Status.CREATED_201).header(HeaderNames.CONTENT_TYPE, "application/json")
                .send(JsonText.write(Jsons.createObjectBuilder().add("created", created.size()).add("lines", lines).build()));
    }

    private void list(ServerRequest req, ServerResponse res) {
        QueryParams params = QueryParams.of(req);
        String status = params.text("status", 20).map(s -> s.toUpperCase(Locale.ROOT)).orElse(null);
        if (status != null) {
            try {
                ReferralStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("Statut d'orientation inconnu : " + status + ".");
            }
        }
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        desk.list(Authentication.principal(req), status, params.limit()).forEach(r -> items.add(ReferralJson.seenBy(Authentication.principal(req), r)));
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void get(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        Responses.ok(res, ReferralJson.seenBy(actor, desk.get(actor, QueryParams.pathId(req, "id"))));
    }

    private void convocation(ServerRequest req, ServerResponse res) {
        Convocation c = desk.convocation(Authentication.principal(req), QueryParams.pathId(req, "id"));
        JsonObjectBuilder place = Jsons.createObjectBuilder().add("centre", c.centre()).add("site", c.site())
                .add("line1", c.addressLine1()).add("postalCode", c.postalCode()).add("city", c.city());
        optional(place, "line2", c.addressLine2());
        optional(place, "accessibility", c.accessibility());
        JsonObjectBuilder contact = Jsons.createObjectBuilder();
        optional(contact, "phone", c.contactPhone());
        optional(contact, "email", c.contactEmail());
        Responses.ok(res, Jsons.createObjectBuilder().add("personName", c.personName()).add("date", c.date().toString())
                .add("startTime", c.start().toString()).add("endTime", c.end().toString()).add("place", place)
                .add("contact", contact).build());
    }

    private static void optional(JsonObjectBuilder body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.add(field, value);
        }
    }

    private void proposals(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (Proposal p : desk.proposals(Authentication.principal(req), QueryParams.pathId(req, "id"),
                QueryParams.of(req).limit(20, 100))) {
            items.add(Jsons.createObjectBuilder().add("sessionId", p.sessionId().toString()).add("date", p.date().toString())
                    .add("startTime", p.start().toString()).add("site", p.site()).add("room", p.room())
                    .add("freeSeats", p.freeSeats()).add("accessible", p.candidate().accessible()));
        }
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void accept(ServerRequest req, ServerResponse res) {
        JsonInput in = bodies.json(req);
        UUID session = in.required("sessionId", in.uuid("sessionId")).orElse(null);
        in.validate();
        Principal actor = Authentication.principal(req);
        Responses.ok(res, ReferralJson.seenBy(actor, desk.accept(actor, QueryParams.pathId(req, "id"),
                session)));
    }

    private void refuse(ServerRequest req, ServerResponse res) {
        JsonInput in = bodies.json(req);
        RefusalReason reason = in.required("reason", in.enumValue("reason", RefusalReason.class)).orElse(null);
        String text = in.text("text", 1000).orElse(null);
        boolean shared = in.bool("sharedWithPerson").orElse(false);
        in.validate();
        Principal actor = Authentication.principal(req);
        Responses.ok(res, ReferralJson.seenBy(actor, desk.refuse(actor, QueryParams.pathId(req, "id"),
                reason, text, shared)));
    }

    private void postpone(ServerRequest req, ServerResponse res) {
        JsonInput in = bodies.json(req);
        LocalDate until = in.date("until").orElse(null);
        String text = in.text("text", 1000).orElse(null);
        in.validate();
        Principal actor = Authentication.principal(req);
        Responses.ok(res, ReferralJson.seenBy(actor, desk.postpone(actor, QueryParams.pathId(req, "id"),
                until, text)));
    }

    private void cancel(ServerRequest req, ServerResponse res) {
        JsonInput in = bodies.json(req);
        String text = in.text("text", 1000).orElse(null);
        in.validate();
        Principal actor = Authentication.principal(req);
        Responses.ok(res, ReferralJson.seenBy(actor, desk.cancel(actor, QueryParams.pathId(req, "id"),
                text)));
    }

    /**
     * The adviser's pull feed: changes of their organisation's referrals in a stable order. Pass
     * {@code cursor} (the {@code nextCursor} of the previous page) to go on; {@code updated_after}
     * starts from a point in time.
     */
    private void feed(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        QueryParams params = QueryParams.of(req);
        Long cursor = params.text("cursor", 20).map(text -> {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("Le paramètre « cursor » doit être le « nextCursor » d'une page précédente.");
            }
        }).orElse(null);
        Instant after = params.text("updated_after", 40).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest("Le paramètre « updated_after » doit être un instant ISO-8601 (2026-03-01T00:00:00Z).");
            }
        }).orElse(null);
        int limit = params.limit(100, 1000);
        String body = feed.page(actor, cursor, after, limit);
        res.status(Status.OK_200).header(HeaderNames.CONTENT_TYPE, "application/json").send(body);
    }
}
