package fr.jalon.centers;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A centre's staff never see, nor touch, another centre's records: they answer 404. */
@HttpTest
class ScopeHttpTest {

    private final ApiClient admin;
    private final Fixtures fixtures;
    private ApiClient staffA;
    private String centerA;
    private String centerB;
    private String siteB;
    private String roomB;
    private String sessionB;

    ScopeHttpTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    @BeforeEach
    void twoCentres() {
        centerA = fixtures.center();
        centerB = fixtures.center();
        siteB = fixtures.site(centerB);
        roomB = fixtures.room(siteB, 10);
        sessionB = fixtures.session(roomB, TestTime.todayInParis().plusDays(20), "09:00");
        fixtures.session(fixtures.room(fixtures.site(centerA), 10), TestTime.todayInParis().plusDays(20), "09:00");
        staffA = admin.as(fixtures.tokenFor("CENTER_STAFF", centerA));
    }

    @Test
    void readsOfAnotherCentreAnswer404() {
        assertEquals(404, staffA.get("/api/v1/centers/" + centerB).status());
        assertEquals(404, staffA.get("/api/v1/centers/" + centerB + "/sites").status());
        assertEquals(404, staffA.get("/api/v1/sites/" + siteB).status());
        assertEquals(404, staffA.get("/api/v1/sites/" + siteB + "/rooms").status());
        assertEquals(404, staffA.get("/api/v1/rooms/" + roomB).status());
        assertEquals(404, staffA.get("/api/v1/sessions/" + sessionB).status());
    }

    @Test
    void writesToAnotherCentreAnswer404AndChangeNothing() {
        String sitesBefore = admin.get("/api/v1/centers/" + centerB + "/sites").body();
        String roomsBefore = admin.get("/api/v1/sites/" + siteB + "/rooms").body();
        String sessionBefore = admin.get("/api/v1/sessions/" + sessionB).body();
        assertEquals(404, staffA.post("/api/v1/centers/" + centerB + "/sites", Fixtures.siteBody("Intrus").build()).status());
        assertEquals(404, staffA.post("/api/v1/sites/" + siteB + "/rooms", Fixtures.roomBody("Intrus", 3).build()).status());
        assertEquals(404, staffA.put("/api/v1/rooms/" + roomB, Fixtures.roomBody("Intrus", 30).build()).status());
        assertEquals(404, staffA.patch("/api/v1/sessions/" + sessionB, Jsons.createObjectBuilder().add("capacity", 2).build()).status());
        assertEquals(404, staffA.post("/api/v1/sessions/" + sessionB + "/cancel",
                Jsons.createObjectBuilder().add("reason", "x").build()).status());
        assertEquals(422, staffA.post("/api/v1/sessions",
                Fixtures.sessionBody(roomB, TestTime.todayInParis().plusDays(30), "09:00")).status(), "room of B is unknown to A");
        assertEquals(10, admin.get("/api/v1/sessions/" + sessionB).json().getInt("capacity"));
        assertEquals("SCHEDULED", admin.get("/api/v1/sessions/" + sessionB).json().getString("status"));
        assertEquals(sitesBefore, admin.get("/api/v1/centers/" + centerB + "/sites").body(), "no site added, none changed");
        assertEquals(roomsBefore, admin.get("/api/v1/sites/" + siteB + "/rooms").body(), "no room added, none changed");
        assertEquals(sessionBefore, admin.get("/api/v1/sessions/" + sessionB).body(), "the session as it was, updatedAt too");
    }

    @Test
    void listsShowOnlyTheCallersCentre() {
        var centres = staffA.get("/api/v1/centers").json().getJsonArray("items");
        var sessions = staffA.get("/api/v1/sessions?center=" + centerB + "&limit=200").json().getJsonArray("items");

        assertEquals(1, centres.size());
        assertEquals(centerA, centres.getJsonObject(0).getString("id"));
        sessions.forEach(s -> assertEquals(centerA, s.asJsonObject().getString("centerId")));
        assertEquals(1, sessions.size(), "the center filter cannot widen a staff member's scope");
    }

    @Test
    void administrationIsForAdministrators() {
        assertEquals(403, staffA.get("/api/v1/users").status());
        assertEquals(403, staffA.get("/api/v1/audit").status());
        assertEquals(403, staffA.post("/api/v1/users", Jsons.createObjectBuilder()
                .add("email", "x@example.org").add("displayName", "X").add("role", "ADMIN").build()).status());
    }
}
