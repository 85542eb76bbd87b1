package fr.jalon.candidates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.JsonInput;
import fr.jalon.platform.http.QueryParams;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.http.Responses;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Authentication;
import fr.jalon.platform.security.Principal;
import fr.jalon.territory.Territory;

import io.helidon.dbclient.DbClient;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** HTTP for people and enrolments: parse, authorise, call the use cases, answer. */
final class CandidatesService implements ApiRoutes.ApiService {

    private final EnrolmentDesk desk;
    private final PeopleDirectory directory;
    private final SessionImport imports;
    private final CandidateFiles files;
    private final Territory territory;
    private final DbClient db;
    private final RequestBodies bodies;
    private final Clock clock;

    CandidatesService(EnrolmentDesk desk, PeopleDirectory directory, SessionImport imports, CandidateFiles files,
                      Territory territory, DbClient db, RequestBodies bodies, Clock clock) {
        this.desk = desk;
        this.directory = directory;
        this.imports = imports;
        this.files = files;
        this.territory = territory;
        this.db = db;
        this.bodies = bodies;
        this.clock = clock;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/sessions/import", this::importFile)
                .get("/sessions/{id}/candidates.csv", this::exportFile)
                .post("/sessions/{id}/enrolments", this::enrol)
                .get("/sessions/{id}/enrolments", this::listOfSession)
                .get("/enrolments/{id}", this::get)
                .patch("/enrolments/{id}", this::patch)
                .delete("/enrolments/{id}", this::cancel)
                .put("/enrolments/{id}/attendance", this::attendance)
                .post("/enrolments/{id}/transfer", this::transfer)
                .get("/people", this::searchPeople)
                .get("/people/{id}", this::getPerson)
                .patch("/people/{id}", this::patchPerson);
    }

    private void enrol(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        UUID sessionId = QueryParams.pathId(req, "id");
        JsonInput in = bodies.json(req);
        PersonRequest who = null;
        Integer extraTime = null;
        boolean adjustment = false;
        if (in.has("personId")) {
            who = in.uuid("personId").map(PersonRequest.Existing::new).orElse(null);
        } else {
            JsonInput person = in.required("person", in.object("person")).orElse(null);
            if (person != null) {
                var draft = CandidateForms.person(person, territory.places(), LocalDate.now(clock));
                if (draft.isPresent()) {
                    who = new PersonRequest.Described(draft.get());
                    extraTime = draft.get().extraTimePercent();
                    adjustment = draft.get().accessibilityAdjustment();
                }
            }
        }
        EnrolmentTerms terms = CandidateForms.terms(in, extraTime, adjustment);
        Origin origin = in.enumValue("origin", Origin.class).orElse(Origin.DIRECT);
        String reference = in.text("originReference", 200).orElse(null);
        in.validate();
        EnrolmentDesk.Outcome outcome = desk.enrol(actor, sessionId, who, terms, origin, reference);
        Enrolment e = outcome.enrolment();
        JsonObject body = Jsons.createObjectBuilder(CandidateJson.enrolment(e, outcome.waitlistRank()))
                .add("personMatched", outcome.personMatched())
                .build();
        Responses.created(res, "/enrolments/" + e.id(), body);
    }

    private void importFile(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        QueryParams params = QueryParams.of(req);
        boolean dryRun = params.text("dryRun", 5).map(Boolean::parseBoolean).orElse(false);
        UUID center = actor.isAdmin()
                ? params.uuid("center").orElseThrow(() -> ApiProblem.badRequest(
                        "Un administrateur doit préciser le centre : paramètre « center »."))
                : actor.scopeId();
        byte[] file = bodies.csvFile(req);
        ImportReport report = imports.importFile(actor, center, file, dryRun);
        Responses.ok(res, Jsons.createObjectBuilder()
                .add("dryRun", report.dryRun())
                .add("applied", !report.dryRun())
                .add("lines", report.lines())
                .add("sessions", Jsons.createObjectBuilder()
                        .add("created", report.sessionsCreated()).add("matched", report.sessionsMatched()))
                .add("people", Jsons.createObjectBuilder()
                        .add("created", report.peopleCreated()).add("matched", report.peopleMatched()))
                .add("enrolments", Jsons.createObjectBuilder().add("created", report.enrolmentsCreated())
                        .add("updated", report.enrolmentsUpdated()).add("unchanged", report.enrolmentsUnchanged()))
                .build());
    }

    private void exportFile(ServerRequest req, ServerResponse res) {
        CandidateFiles.Export export = files.export(Authentication.principal(req), QueryParams.pathId(req, "id"));
        Responses.file(res, "text/csv; charset=UTF-8", export.fileName(), export.content());
    }

    private void attendance(ServerRequest req, ServerResponse res) {
        JsonInput in = bodies.json(req);
        EnrolmentStatus status = in.required("status", in.enumValue("status", EnrolmentStatus.class)).orElse(null);
        in.validate();
        Enrolment updated = desk.recordAttendance(Authentication.principal(req), QueryParams.pathId(req, "id"), status);
        Responses.ok(res, CandidateJson.enrolment(updated, 0));
    }

    private void listOfSession(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        List<Enrolment> list = desk.ofSession(actor, QueryParams.pathId(req, "id"));
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        long rank = 0;
        for (Enrolment e : list) {
            items.add(CandidateJson.enrolment(e, e.status() == EnrolmentStatus.WAITLISTED ? ++rank : 0));
        }
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void get(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        EnrolmentDesk.Detail detail = desk.get(actor, QueryParams.pathId(req, "id"));
        JsonArrayBuilder history = Jsons.createArrayBuilder();
        detail.history().forEach(h -> {
            JsonObjectBuilder line = Jsons.createObjectBuilder().add("at", h.at().toString()).add("status", h.status());
            if (h.note() != null) {
                line.add("note", h.note());
            }
            history.add(line);
        });
        Responses.ok(res, Jsons.createObjectBuilder(CandidateJson.enrolment(detail.enrolment(), detail.waitlistRank()))
                .add("history", history).build());
    }

    private void patch(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        UUID id = QueryParams.pathId(req, "id");
        JsonObject patch = bodies.json(req).raw();
        Enrolment updated = desk.update(actor, id, current -> {
            JsonInput in = new JsonInput(Jsons.createMergePatch(patch).apply(termsInput(current)).asJsonObject());
            EnrolmentTerms terms = CandidateForms.terms(in, null, false);
            in.validate();
            return terms;
        });
        Responses.ok(res, CandidateJson.enrolment(updated, desk.waitlistRank(db.execute(), updated)));
    }

    private void cancel(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        String reason = QueryParams.of(req).text("reason", 500).orElse(null);
        Enrolment cancelled = desk.cancel(actor, QueryParams.pathId(req, "id"), reason);
        Responses.ok(res, CandidateJson.enrolment(cancelled, 0));
    }

    private void transfer(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        UUID id = QueryParams.pathId(req, "id");
        JsonInput in = bodies.json(req);
        UUID target = in.required("sessionId", in.uuid("sessionId")).orElse(null);
        in.validate();
        Enrolment moved = desk.transfer(actor, id, target);
        Responses.created(res, "/enrolments/" + moved.id(), CandidateJson.enrolment(moved, 0));
    }

    private void searchPeople(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        QueryParams params = QueryParams.of(req);
        List<Person> found = directory.search(actor, params.text("q", 100).orElse(""), params.limit());
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        found.forEach(p -> items.add(CandidateJson.person(p)));
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void getPerson(ServerRequest req, ServerResponse res) {
        Responses.ok(res, CandidateJson.person(directory.get(Authentication.principal(req), QueryParams.pathId(req, "id"))));
    }

    private void patchPerson(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        UUID id = QueryParams.pathId(req, "id");
        JsonObject patch = bodies.json(req).raw();
        Person updated = directory.update(actor, id, current -> {
            JsonInput in = CandidateJson.withoutReadOnly(
                    Jsons.createMergePatch(patch).apply(CandidateJson.personInput(current)).asJsonObject());
            var draft = CandidateForms.person(in, territory.places(), LocalDate.now(clock));
            in.validate();
            return draft.orElseThrow();
        });
        Responses.ok(res, CandidateJson.person(updated));
    }

    private static JsonObject termsInput(EnrolmentTerms t) {
        JsonObjectBuilder body = Jsons.createObjectBuilder()
                .add("billingMode", t.billingMode().name())
                .add("accessibilityAdjustment", t.accessibilityAdjustment());
        if (t.prepaymentCode() != null) {
            body.add("prepaymentCode", t.prepaymentCode());
        }
        if (t.complementaryCertification() != null) {
            body.add("complementaryCertification", t.complementaryCertification().name());
        }
        if (t.externalId() != null) {
            body.add("externalId", t.externalId());
        }
        if (t.resultRecipientEmail() != null) {
            body.add("resultRecipientEmail", t.resultRecipientEmail());
        }
        if (t.extraTimePercent() != null) {
            body.add("extraTimePercent", t.extraTimePercent());
        }
        return body.build();
    }
}
