package fr.jalon.territory;

import java.util.List;

import fr.jalon.testing.ApiClient;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestDatabase;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@HttpTest
class TerritoryHttpTest {

    private final ApiClient admin;

    TerritoryHttpTest(ApiClient admin) {
        this.admin = admin;
    }

    @Test
    void theReferenceDataHoldsThe327CommunesOfTheLandes() {
        long landes = TestDatabase.get().database().client().execute()
                .get("SELECT count(*) AS n FROM communes WHERE departement = '40' AND type = 'commune-actuelle'")
                .map(r -> r.column("n").get(Long.class)).orElseThrow();
        assertEquals(327, landes);
    }

    @Test
    void nameSearchIgnoresAccentsCaseAndHyphens() {
        assertEquals("40192", first("/api/v1/territory/communes?q=MONT%20DE%20MARSAN").getString("codeInsee"));
        assertEquals("40279", first("/api/v1/territory/communes?q=saint%20paul%20les%20dax").getString("codeInsee"));
        assertEquals("Saint-Paul-lès-Dax", first("/api/v1/territory/communes?q=Saint-Paul-l%C3%A8s&departement=40").getString("name"));
    }

    @Test
    void filtersByPostalCodeAndDepartement() {
        List<String> names = items("/api/v1/territory/communes?postal_code=40100").stream()
                .map(c -> c.getString("name")).toList();
        assertTrue(names.contains("Dax"), names.toString());
        items("/api/v1/territory/communes?q=saint&departement=40&limit=30")
                .forEach(c -> assertEquals("40", c.getString("departement")));
        assertEquals(400, admin.get("/api/v1/territory/communes?postal_code=4010").status());
        assertEquals(400, admin.get("/api/v1/territory/communes?limit=1000").status());
    }

    @Test
    void formerCodesOfMergedCommunesAreKept() {
        JsonObject merged = items("/api/v1/territory/communes?departement=40&limit=100&q=").stream()
                .filter(c -> c.containsKey("formerCodes")).findFirst().orElseThrow();
        assertTrue(merged.getJsonArray("formerCodes").size() > 0);
    }

    @Test
    void anEpciListsItsMemberCommunes() {
        ApiClient.Answer answer = admin.get("/api/v1/territory/epcis/200035541");
        assertEquals(200, answer.status());
        assertEquals("CC des Landes d'Armagnac", answer.json().getString("name"));
        assertTrue(answer.json().getJsonArray("communes").stream()
                .anyMatch(c -> c.asJsonObject().getString("name").equals("Gabarret")));
        assertEquals(404, admin.get("/api/v1/territory/epcis/000000000").status());
    }

    private JsonObject first(String path) {
        return items(path).getFirst();
    }

    private List<JsonObject> items(String path) {
        ApiClient.Answer answer = admin.get(path);
        assertEquals(200, answer.status(), answer.body());
        return answer.json().getJsonArray("items").stream().map(v -> v.asJsonObject()).toList();
    }
}
