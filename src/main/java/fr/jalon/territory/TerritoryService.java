package fr.jalon.territory;

import java.util.List;

import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.QueryParams;
import fr.jalon.platform.http.Responses;
import fr.jalon.platform.json.Jsons;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Read-only lookups in the official geography, for any authenticated user. */
public final class TerritoryService implements ApiRoutes.ApiService {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final Territory territory;

    public TerritoryService(Territory territory) {
        this.territory = territory;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/territory/communes", this::searchCommunes)
                .get("/territory/epcis/{siren}", this::epci);
    }

    private void searchCommunes(ServerRequest req, ServerResponse res) {
        QueryParams params = QueryParams.of(req);
        String departement = params.text("departement", 3).orElse(null);
        String postalCode = params.text("postal_code", 5).orElse(null);
        if (postalCode != null && !postalCode.matches("\\d{5}")) {
            throw ApiProblem.badRequest("Le paramètre « postal_code » doit comporter 5 chiffres.");
        }
        int limit = params.limit(DEFAULT_LIMIT, MAX_LIMIT);
        boolean includeAll = params.text("type", 10).map("all"::equals).orElse(false);
        List<Commune> communes = territory.search(params.text("q", 100).orElse(null), departement, postalCode,
                includeAll, limit);
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        communes.forEach(c -> items.add(json(c)));
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void epci(ServerRequest req, ServerResponse res) {
        String siren = req.path().pathParameters().get("siren");
        Epci epci = territory.epci(siren)
                .orElseThrow(() -> ApiProblem.notFound("Aucun EPCI ne porte le SIREN " + siren + "."));
        JsonArrayBuilder members = Jsons.createArrayBuilder();
        territory.members(siren).forEach(c -> members.add(json(c)));
        JsonObjectBuilder body = Jsons.createObjectBuilder()
                .add("siren", epci.siren())
                .add("name", epci.name())
                .add("type", epci.type())
                .add("communes", members);
        if (epci.population() != null) {
            body.add("population", epci.population());
        }
        Responses.ok(res, body.build());
    }

    static JsonObject json(Commune c) {
        JsonObjectBuilder body = Jsons.createObjectBuilder()
                .add("codeInsee", c.codeInsee())
                .add("name", c.name())
                .add("type", c.type())
                .add("postalCodes", Jsons.createArrayBuilder(c.postalCodes()));
        if (c.departement() != null) {
            body.add("departement", c.departement());
        }
        if (c.population() != null) {
            body.add("population", c.population());
        }
        if (c.epciSiren() != null) {
            body.add("epciSiren", c.epciSiren());
        }
        if (!c.formerCodes().isEmpty()) {
            body.add("formerCodes", Jsons.createArrayBuilder(c.formerCodes()));
        }
        return body.build();
    }
}
