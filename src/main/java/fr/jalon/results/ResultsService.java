package fr.jalon.results;

import java.util.UUID;

import fr.jalon.platform.http.ApiRoutes;
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

/** Results over HTTP: imports of Pix Certif's export (one session, or a centre's many) and reading them back. */
final class ResultsService implements ApiRoutes.ApiService {

    /** A centre's export of a busy month (100,000 rows) is about 20 MB. */
    static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

    private final ResultsImport imports;
    private final ResultsDesk desk;
    private final RequestBodies bodies;

    ResultsService(ResultsImport imports, ResultsDesk desk, RequestBodies bodies) {
        this.imports = imports;
        this.desk = desk;
        this.bodies = bodies;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/sessions/{id}/results", this::importSession)
                .get("/sessions/{id}/results", this::ofSession)
                .post("/results", this::importCenter)
                .get("/enrolments/{id}/result", this::ofEnrolment);
    }

    private void importSession(ServerRequest req, ServerResponse res) {
        byte[] file = bodies.csvFile(req, MAX_FILE_BYTES);
        Responses.ok(res, json(imports.intoSession(Authentication.principal(req), QueryParams.pathId(req, "id"), file)));
    }

    private void importCenter(ServerRequest req, ServerResponse res) {
        UUID center = QueryParams.of(req).uuid("centerId").orElse(null);
        byte[] file = bodies.csvFile(req, MAX_FILE_BYTES);
        Responses.ok(res, json(imports.intoCenter(Authentication.principal(req), center, file)));
    }

    private void ofSession(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        desk.ofSession(Authentication.principal(req), QueryParams.pathId(req, "id")).forEach(r -> items.add(json(r)));
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void ofEnrolment(ServerRequest req, ServerResponse res) {
        ResultsDesk.WithHistory found = desk.ofEnrolment(Authentication.principal(req), QueryParams.pathId(req, "id"));
        JsonArrayBuilder history = Jsons.createArrayBuilder();
        found.history().forEach(earlier -> history.add(json(earlier.result())
                .add("replacedAt", earlier.replacedAt().toString())));
        Responses.ok(res, json(found.result()).add("history", history).build());
    }

    static JsonObjectBuilder json(CertificationResult r) {
        JsonObjectBuilder competences = Jsons.createObjectBuilder();
        for (int i = 0; i < Competences.COUNT; i++) {
            Integer level = r.competences().get(i);
            if (level == null) {
                competences.addNull(Competences.CODES.get(i));
            } else {
                competences.add(Competences.CODES.get(i), level);
            }
        }
        JsonArrayBuilder complementary = Jsons.createArrayBuilder();
        r.complementary().forEach(c -> complementary.add(Jsons.createObjectBuilder().add("name", c.name())
                .add("status", c.status())));
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("enrolmentId", r.enrolmentId().toString())
                .add("sessionId", r.sessionId().toString()).add("certificationNumber", r.certificationNumber())
                .add("status", r.status().name()).add("statusLabel", r.status().label())
                .add("competences", competences).add("complementary", complementary).add("version", r.version())
                .add("importedAt", r.importedAt().toString());
        if (r.score() != null) {
            body.add("score", r.score()).add("maxScore", GlobalLevel.MAX_REACHABLE_SCORE)
                    .add("globalLevel", r.globalLevel()).add("globalLevelLabel", r.globalLevelLabel());
        }
        if (r.certificationType() != null) {
            body.add("certificationType", r.certificationType());
        }
        if (r.juryComment() != null) {
            body.add("juryComment", r.juryComment());
        }
        if (r.takenOn() != null) {
            body.add("takenOn", r.takenOn().toString());
        }
        return body;
    }

    private static JsonObject json(ResultsImport.Report report) {
        JsonArrayBuilder sessions = Jsons.createArrayBuilder();
        for (ResultsImport.SessionReport s : report.sessions()) {
            sessions.add(Jsons.createObjectBuilder().add("sessionId", s.sessionId().toString()).add("pixNumber", s.pixNumber())
                    .add("created", s.created()).add("updated", s.updated()).add("unchanged", s.unchanged()));
        }
        return Jsons.createObjectBuilder().add("rows", report.rows()).add("created", report.created())
                .add("updated", report.updated()).add("unchanged", report.unchanged()).add("sessions", sessions).build();
    }
}
