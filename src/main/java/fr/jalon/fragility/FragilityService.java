package fr.jalon.fragility;

import java.nio.charset.StandardCharsets;
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

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;

/** The fragility index over HTTP: inputs, references, evaluations, their units and comparisons. */
final class FragilityService implements ApiRoutes.ApiService {

    private final FragilityDesk desk;
    private final RequestBodies bodies;

    FragilityService(FragilityDesk desk, RequestBodies bodies) {
        this.desk = desk;
        this.bodies = bodies;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/fragility/inputs", this::inputs)
                .post("/fragility/references", this::references)
                .post("/fragility/evaluations", this::evaluate)
                .get("/fragility/evaluations", this::list)
                .get("/fragility/evaluations/{id}", this::get)
                .get("/fragility/evaluations/{id}/units.json", this::unitsJson)
                .get("/fragility/evaluations/{id}/units.csv", this::unitsCsv)
                .get("/fragility/aggregates", this::aggregates)
                .get("/fragility/aggregates.csv", this::aggregatesCsv)
                .get("/fragility/evaluations/{id}/map.svg", this::map)
                .get("/fragility/evaluations/{id}/compare/{other}", this::compare);
    }

    private void inputs(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        String vintage = QueryParams.of(req).text("vintage", 40).filter(v -> v.matches("[A-Za-z0-9_.-]+"))
                .orElseThrow(() -> ApiProblem.badRequest(
                        "Le paramètre « vintage » (le millésime des données, ex. RP2016) est obligatoire."));
        int units = desk.importInputs(actor, vintage, bodies.csvFile(req));
        Responses.ok(res, Jsons.createObjectBuilder().add("vintage", vintage).add("units", units).build());
    }

    private void references(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        int rows = desk.importReferences(actor, new String(bodies.csvFile(req), StandardCharsets.UTF_8));
        Responses.ok(res, Jsons.createObjectBuilder().add("references", rows).build());
    }

    private void evaluate(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        FragilityDesk.Request request = bodies.read(req, FragilityService::request);
        FragilityEvaluation e = desk.evaluate(actor, request);
        Responses.created(res, "/fragility/evaluations/" + e.id(), FragilityJson.evaluation(e));
    }

    private static FragilityDesk.Request request(JsonInput in) {
        String vintage = in.requiredText("vintage", 40);
        String reference = in.text("reference", 30).orElse("departement:40");
        if (!reference.matches("departement:\\d[0-9AB]\\d?|epci:\\d{9}")) {
            in.error("reference", "invalid_reference", "doit être departement:<code> ou epci:<siren>");
        }
        FragilityDesk.Level level = in.enumValue("level", FragilityDesk.Level.class).orElse(FragilityDesk.Level.IRIS);
        Integer year = in.integer("skillsYear", 2000, 2100).orElse(null);
        return new FragilityDesk.Request(vintage, reference, level, year);
    }

    private void list(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        desk.evaluations(Authentication.principal(req), QueryParams.of(req).limit())
                .forEach(e -> items.add(FragilityJson.evaluation(e)));
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void get(ServerRequest req, ServerResponse res) {
        Responses.ok(res, FragilityJson.evaluation(desk.evaluation(Authentication.principal(req), id(req))));
    }

    private void unitsJson(ServerRequest req, ServerResponse res) {
        Responses.ok(res, FragilityJson.units(desk.units(Authentication.principal(req), id(req))));
    }

    private void unitsCsv(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        UUID id = id(req);
        FragilityEvaluation e = desk.evaluation(actor, id);
        Responses.file(res, "text/csv; charset=UTF-8", "indice-fragilite-" + id + ".csv",
                FragilityJson.csv(e, desk.units(actor, id)));
    }

    private static int year(ServerRequest req) {
        String text = QueryParams.of(req).text("year", 4).orElseThrow(() -> ApiProblem.badRequest(
                "Le paramètre « year » (l'année civile des résultats) est obligatoire."));
        if (!text.matches("(19|20)\\d\\d")) {
            throw ApiProblem.badRequest("Le paramètre « year » doit être une année (ex. 2026).");
        }
        return Integer.parseInt(text);
    }

    private void aggregates(ServerRequest req, ServerResponse res) {
        Authentication.principal(req);
        int year = year(req);
        Responses.ok(res, FragilityJson.aggregates(year, desk.aggregates(year)));
    }

    private void aggregatesCsv(ServerRequest req, ServerResponse res) {
        Authentication.principal(req);
        int year = year(req);
        Responses.file(res, "text/csv; charset=UTF-8", "agregats-competences-" + year + ".csv",
                FragilityJson.aggregatesCsv(desk.aggregates(year)));
    }

    private void map(ServerRequest req, ServerResponse res) {
        Responses.file(res, "image/svg+xml", "carte-fragilite.svg",
                desk.map(Authentication.principal(req), id(req)).getBytes(StandardCharsets.UTF_8));
    }

    private void compare(ServerRequest req, ServerResponse res) {
        Responses.ok(res, FragilityJson.changes(desk.compare(Authentication.principal(req), id(req),
                QueryParams.pathId(req, "other"))));
    }

    private static UUID id(ServerRequest req) {
        return QueryParams.pathId(req, "id");
    }
}
