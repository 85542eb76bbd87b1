package fr.jalon.centers;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import fr.jalon.platform.http.ApiRoutes;
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
import jakarta.json.JsonObject;

/** HTTP for centres, sites and rooms: parse, authorise, call the catalogue, answer. */
final class CentersService implements ApiRoutes.ApiService {

    private final CenterCatalog catalog;
    private final DbClient db;
    private final RequestBodies bodies;

    CentersService(CenterCatalog catalog, DbClient db, RequestBodies bodies) {
        this.catalog = catalog;
        this.db = db;
        this.bodies = bodies;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/centers", this::listCenters)
                .post("/centers", this::createCenter)
                .get("/centers/{id}", this::getCenter)
                .put("/centers/{id}", this::updateCenter)
                .get("/centers/{id}/sites", this::listSites)
                .post("/centers/{id}/sites", this::createSite)
                .get("/sites/{id}", this::getSite)
                .put("/sites/{id}", this::updateSite)
                .get("/sites/{id}/rooms", this::listRooms)
                .post("/sites/{id}/rooms", this::createRoom)
                .get("/rooms/{id}", this::getRoom)
                .put("/rooms/{id}", this::updateRoom);
    }

    private void listCenters(ServerRequest req, ServerResponse res) {
        Responses.ok(res, items(catalog.centers(caller(req), db.execute()), CenterJson::center));
    }

    private void createCenter(ServerRequest req, ServerResponse res) {
        Principal actor = caller(req);
        CenterDraft draft = read(req, CenterForms::center);
        Center center = catalog.createCenter(actor, draft);
        Responses.created(res, "/centers/" + center.id(), CenterJson.center(center));
    }

    private void getCenter(ServerRequest req, ServerResponse res) {
        Responses.ok(res, CenterJson.center(catalog.center(caller(req), db.execute(), id(req))));
    }

    private void updateCenter(ServerRequest req, ServerResponse res) {
        Principal actor = caller(req);
        UUID id = id(req);
        CenterDraft draft = read(req, CenterForms::center);
        Responses.ok(res, CenterJson.center(catalog.updateCenter(actor, id, draft)));
    }

    private void listSites(ServerRequest req, ServerResponse res) {
        Responses.ok(res, items(catalog.sites(caller(req), db.execute(), id(req)), CenterJson::site));
    }

    private void createSite(ServerRequest req, ServerResponse res) {
        Principal actor = caller(req);
        UUID centerId = id(req);
        SiteDraft draft = read(req, CenterForms::site);
        Site site = catalog.addSite(actor, centerId, draft);
        Responses.created(res, "/sites/" + site.id(), CenterJson.site(site));
    }

    private void getSite(ServerRequest req, ServerResponse res) {
        Responses.ok(res, CenterJson.site(catalog.site(caller(req), db.execute(), id(req))));
    }

    private void updateSite(ServerRequest req, ServerResponse res) {
        Principal actor = caller(req);
        UUID id = id(req);
        SiteDraft draft = read(req, CenterForms::site);
        Responses.ok(res, CenterJson.site(catalog.updateSite(actor, id, draft)));
    }

    private void listRooms(ServerRequest req, ServerResponse res) {
        Responses.ok(res, items(catalog.rooms(caller(req), db.execute(), id(req)), CenterJson::room));
    }

    private void createRoom(ServerRequest req, ServerResponse res) {
        Principal actor = caller(req);
        UUID siteId = id(req);
        RoomDraft draft = read(req, CenterForms::room);
        Room room = catalog.addRoom(actor, siteId, draft);
        Responses.created(res, "/rooms/" + room.id(), CenterJson.room(room));
    }

    private void getRoom(ServerRequest req, ServerResponse res) {
        Responses.ok(res, CenterJson.room(catalog.room(caller(req), db.execute(), id(req))));
    }

    private void updateRoom(ServerRequest req, ServerResponse res) {
        Principal actor = caller(req);
        UUID id = id(req);
        RoomDraft draft = read(req, CenterForms::room);
        Responses.ok(res, CenterJson.room(catalog.updateRoom(actor, id, draft)));
    }

    private <T> T read(ServerRequest req, Function<JsonInput, T> form) {
        JsonInput in = bodies.json(req);
        T value = form.apply(in);
        in.validate();
        return value;
    }

    private static Principal caller(ServerRequest req) {
        return Authentication.principal(req);
    }

    private static UUID id(ServerRequest req) {
        return QueryParams.pathId(req, "id");
    }

    private static <T> JsonObject items(List<T> list, Function<T, JsonObject> view) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        list.forEach(item -> items.add(view.apply(item)));
        return Jsons.createObjectBuilder().add("items", items).build();
    }
}
