package fr.jalon.campaigns;

import java.util.List;
import java.util.UUID;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.QueryParams;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.http.Responses;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Authentication;
import fr.jalon.platform.security.Principal;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** Local authorities, their services and their agent directory over HTTP. */
final class AuthoritiesService implements ApiRoutes.ApiService {

    private final AuthorityDesk desk;
    private final AgentDirectory directory;
    private final RequestBodies bodies;

    AuthoritiesService(AuthorityDesk desk, AgentDirectory directory, RequestBodies bodies) {
        this.desk = desk;
        this.directory = directory;
        this.bodies = bodies;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/local-authorities", this::create)
                .get("/local-authorities", this::list)
                .get("/local-authorities/{id}", this::get)
                .get("/local-authorities/{id}/services", this::services)
                .post("/local-authorities/{id}/services", this::addService)
                .post("/local-authorities/{id}/agents/import", this::importAgents)
                .get("/local-authorities/{id}/agents", this::agents)
                .get("/local-authorities/{id}/sessions", this::sessions);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        AuthorityDraft draft = bodies.read(req, AuthorityForms::authority);
        Authority created = desk.create(actor, draft);
        Responses.created(res, "/local-authorities/" + created.id(), CampaignJson.authority(created));
    }

    private void list(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        desk.list(Authentication.principal(req), QueryParams.of(req).limit()).forEach(a -> items.add(CampaignJson.authority(a)));
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void get(ServerRequest req, ServerResponse res) {
        Responses.ok(res, CampaignJson.authority(desk.get(Authentication.principal(req), QueryParams.pathId(req, "id"))));
    }

    private void services(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        desk.services(Authentication.principal(req), QueryParams.pathId(req, "id"))
                .forEach(s -> items.add(CampaignJson.service(s)));
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void addService(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        UUID authority = QueryParams.pathId(req, "id");
        List<String> path = bodies.read(req, AuthorityForms::servicePath);
        ServiceNode node = desk.addService(actor, authority, path);
        Responses.created(res, "/local-authorities/" + authority + "/services", CampaignJson.service(node));
    }

    private void importAgents(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        UUID authority = QueryParams.pathId(req, "id");
        QueryParams params = QueryParams.of(req);
        boolean dryRun = params.text("dryRun", 5).map(Boolean::parseBoolean).orElse(false);
        boolean deactivate = params.text("deactivateMissing", 5).map(Boolean::parseBoolean).orElse(false);
        AgentImportReport report = directory.importFile(actor, authority, bodies.csvFile(req), dryRun, deactivate);
        Responses.ok(res, CampaignJson.importReport(report));
    }

    private void sessions(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        desk.partnerSessions(Authentication.principal(req), QueryParams.pathId(req, "id"), 90)
                .forEach(s -> items.add(CampaignJson.session(s)));
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void agents(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        QueryParams params = QueryParams.of(req);
        int limit = params.limit();
        List<Agent> page = directory.page(actor, QueryParams.pathId(req, "id"), params.text("after", 30).orElse(null),
                limit);
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        page.forEach(a -> items.add(CampaignJson.agent(a)));
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("items", items);
        if (page.size() == limit) {
            body.add("next", page.getLast().employeeNumber());
        }
        Responses.ok(res, body.build());
    }
}
