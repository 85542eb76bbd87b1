package fr.jalon.centers;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestTime;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@HttpTest
class CentersHttpTest {

    private final ApiClient admin;
    private final Fixtures fixtures;

    CentersHttpTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    @Test
    void createsACentreWithNormalisedContactAndHabilitations() {
        ApiClient.Answer created = admin.post("/api/v1/centers", Fixtures.centerBody(Fixtures.unique("Centre"))
                .add("siret", "732 829 320 00074").build());

        assertEquals(201, created.status(), created.body());
        JsonObject centre = created.json();
        assertEquals("73282932000074", centre.getString("siret"));
        assertEquals("+33558464040", centre.getString("contactPhone"));
        assertEquals("CléA Numérique", centre.getJsonArray("habilitations").getJsonObject(0).getString("label"));
        assertEquals(20, centre.getInt("staffRatio"));
        assertEquals(centre, admin.get("/api/v1/centers/" + centre.getString("id")).json());
    }

    @Test
    void refusesAnInvalidSiretAndAnUnknownHabilitationTogether() {
        ApiClient.Answer answer = admin.post("/api/v1/centers", Fixtures.centerBody(Fixtures.unique("Centre"))
                .add("siret", "73282932000075")
                .add("habilitations", Jsons.createArrayBuilder().add("TOEIC"))
                .build());

        assertEquals(422, answer.status());
        assertTrue(answer.isProblem());
        assertEquals(2, answer.json().getJsonArray("errors").size(), answer.body());
        assertTrue(answer.body().contains("n'est pas un SIRET valide"), answer.body());
    }

    @Test
    void refusesTwoCentresWithTheSameName() {
        String name = Fixtures.unique("Centre");
        assertEquals(201, admin.post("/api/v1/centers", Fixtures.centerBody(name).build()).status());

        ApiClient.Answer again = admin.post("/api/v1/centers", Fixtures.centerBody(name.toUpperCase()).build());

        assertEquals(422, again.status());
        assertEquals("duplicate", again.json().getJsonArray("errors").getJsonObject(0).getString("code"));
    }

    @Test
    void sitesNeedAnExistingCommune() {
        String center = fixtures.center();

        ApiClient.Answer unknown = admin.post("/api/v1/centers/" + center + "/sites",
                Fixtures.siteBody("Site fantôme").add("communeInsee", "40999").build());
        ApiClient.Answer malformed = admin.post("/api/v1/centers/" + center + "/sites",
                Fixtures.siteBody("Site").add("communeInsee", "4O192").build());

        assertEquals(422, unknown.status());
        assertEquals("unknown_commune", unknown.json().getJsonArray("errors").getJsonObject(0).getString("code"));
        assertEquals(422, malformed.status());
        assertEquals(0, admin.get("/api/v1/centers/" + center + "/sites").json().getJsonArray("items").size());
    }

    @Test
    void sitesAndRoomsAreCreatedReadListedAndUpdated() {
        String center = fixtures.center();
        String site = fixtures.site(center);
        String room = fixtures.room(site, 10);

        ApiClient.Answer renamed = admin.put("/api/v1/sites/" + site, Fixtures.siteBody("Maison France Services")
                .add("communeInsee", "40088").add("accessibilityInfo", "Rampe d'accès côté parking").build());
        ApiClient.Answer resized = admin.put("/api/v1/rooms/" + room, Fixtures.roomBody("Salle informatique", 14).build());

        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("40088", renamed.json().getString("communeInsee"));
        assertEquals(14, resized.json().getInt("seats"));
        JsonObject siteRead = admin.get("/api/v1/sites/" + site).json();
        assertEquals("Maison France Services", siteRead.getString("name"), "the rename is stored, not only echoed");
        assertEquals("40088", siteRead.getString("communeInsee"));
        assertEquals("Rampe d'accès côté parking", siteRead.getString("accessibilityInfo"));
        JsonObject roomRead = admin.get("/api/v1/rooms/" + room).json();
        assertEquals("Salle informatique", roomRead.getString("name"));
        assertEquals(14, roomRead.getInt("seats"));
        assertEquals(1, admin.get("/api/v1/centers/" + center + "/sites").json().getJsonArray("items").size());
        assertEquals("Salle informatique",
                admin.get("/api/v1/sites/" + site + "/rooms").json().getJsonArray("items").getJsonObject(0).getString("name"));
        assertEquals(center, admin.get("/api/v1/rooms/" + room).json().getString("centerId"));
    }

    @Test
    void aRoomCannotShrinkBelowAnUpcomingSessionCapacity() {
        String room = fixtures.room(fixtures.site(fixtures.center()), 12);
        fixtures.session(room, TestTime.todayInParis().plusDays(10), "09:00");

        ApiClient.Answer shrink = admin.put("/api/v1/rooms/" + room, Fixtures.roomBody("Salle", 8).build());

        assertEquals(409, shrink.status(), shrink.body());
        assertEquals(12, admin.get("/api/v1/rooms/" + room).json().getInt("seats"));
    }

    @Test
    void onlyAnAdministratorCreatesCentres() {
        String center = fixtures.center();
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));

        ApiClient.Answer answer = staff.post("/api/v1/centers", Fixtures.centerBody(Fixtures.unique("Centre")).build());

        assertEquals(403, answer.status());
        assertEquals(200, staff.put("/api/v1/centers/" + center,
                Fixtures.centerBody(Fixtures.unique("Centre renommé")).build()).status(), "staff edit their own centre");
    }
}
