package fr.jalon.users;

import java.net.URI;
import java.util.UUID;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.TestDatabase;

import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ServerTest
class TokensHttpTest {

    private final ApiClient admin;
    private final ApiClient anonymous;
    private final Fixtures fixtures;

    TokensHttpTest(URI uri) {
        this.admin = ApiClient.of(uri, JalonServer.adminToken());
        this.anonymous = ApiClient.of(uri, null);
        this.fixtures = new Fixtures(admin);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        JalonServer.configure(server);
    }

    @Test
    void everyApiCallNeedsAValidBearerToken() {
        assertEquals(401, anonymous.rawAuthorization("/api/v1/centers", null).status());
        assertEquals(401, anonymous.rawAuthorization("/api/v1/centers", "Basic YWRtaW46YWRtaW4=").status());
        assertEquals(401, anonymous.rawAuthorization("/api/v1/centers", "Bearer").status());
        assertEquals(401, anonymous.rawAuthorization("/api/v1/centers", "Bearer jal_unknown_but_well_formed_secret").status());
        ApiClient.Answer answer = anonymous.rawAuthorization("/api/v1/sessions", null);
        assertTrue(answer.isProblem());
        assertEquals("Bearer realm=\"jalon\"", answer.header("WWW-Authenticate").orElseThrow());
        assertTrue(answer.json().getString("detail").startsWith("Jeton d'accès manquant"));
    }

    @Test
    void aTokenIsShownOnceStoredHashedUsedAndRevoked() {
        String center = fixtures.center();
        String userId = admin.post("/api/v1/users", Jsons.createObjectBuilder()
                .add("email", UUID.randomUUID() + "@example.org").add("displayName", "Agente d'accueil")
                .add("role", "CENTER_STAFF").add("centerId", center).build()).id();

        ApiClient.Answer issued = admin.post("/api/v1/users/" + userId + "/tokens",
                Jsons.createObjectBuilder().add("label", "poste accueil").build());
        String secret = issued.json().getString("token");
        String tokenId = issued.id();
        ApiClient staff = admin.as(secret);

        assertEquals("no-store", issued.header("Cache-Control").orElseThrow());
        assertEquals(200, staff.get("/api/v1/me").status());
        assertEquals(userId, staff.get("/api/v1/me").json().getString("id"));
        JsonObject listed = admin.get("/api/v1/users/" + userId + "/tokens").json().getJsonArray("items").getJsonObject(0);
        assertFalse(listed.containsKey("token"), "the secret is never shown again");
        assertTrue(listed.containsKey("lastUsedAt"), "last use is recorded");
        String stored = TestDatabase.get().database().client().execute()
                .get("SELECT token_hash FROM api_tokens WHERE id = ?", UUID.fromString(tokenId))
                .map(r -> r.column("token_hash").get(String.class)).orElseThrow();
        assertFalse(stored.contains(secret.substring(4)));

        assertEquals(204, admin.delete("/api/v1/tokens/" + tokenId).status());
        assertEquals(401, staff.get("/api/v1/me").status());
        assertFalse(admin.get("/api/v1/users/" + userId + "/tokens").json().getJsonArray("items").getJsonObject(0)
                .getBoolean("active"));
    }

    @Test
    void usersAreScopedByRole() {
        ApiClient.Answer noCentre = admin.post("/api/v1/users", Jsons.createObjectBuilder()
                .add("email", UUID.randomUUID() + "@example.org").add("displayName", "X").add("role", "CENTER_STAFF").build());
        ApiClient.Answer unknownCentre = admin.post("/api/v1/users", Jsons.createObjectBuilder()
                .add("email", UUID.randomUUID() + "@example.org").add("displayName", "X").add("role", "CENTER_STAFF")
                .add("centerId", UUID.randomUUID().toString()).build());
        ApiClient.Answer badEmail = admin.post("/api/v1/users", Jsons.createObjectBuilder()
                .add("email", "pas-une-adresse").add("displayName", "X").add("role", "ADMIN").build());

        assertEquals(422, noCentre.status());
        assertEquals(422, unknownCentre.status());
        assertEquals("unknown_center", unknownCentre.json().getJsonArray("errors").getJsonObject(0).getString("code"));
        assertEquals(422, badEmail.status());
    }

    @Test
    void aUserSeesItselfButNotOthers() {
        String center = fixtures.center();
        ApiClient one = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
        String otherId = admin.as(fixtures.tokenFor("CENTER_STAFF", center)).get("/api/v1/me").id();

        assertEquals(404, one.get("/api/v1/users/" + otherId).status());
        assertEquals(404, one.get("/api/v1/users/" + otherId + "/tokens").status());
    }

    @Test
    void expiredTokensAreRefused() {
        String center = fixtures.center();
        String userId = admin.as(fixtures.tokenFor("CENTER_STAFF", center)).get("/api/v1/me").id();
        ApiClient.Answer past = admin.post("/api/v1/users/" + userId + "/tokens",
                Jsons.createObjectBuilder().add("expiresAt", "2020-01-01T00:00:00Z").build());
        ApiClient.Answer issued = admin.post("/api/v1/users/" + userId + "/tokens",
                Jsons.createObjectBuilder().add("expiresAt", "2099-01-01T00:00:00Z").build());
        TestDatabase.get().database().client().execute().dml(
                "UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = ?", UUID.fromString(issued.id()));

        assertEquals(422, past.status());
        assertEquals(401, admin.as(issued.json().getString("token")).get("/api/v1/me").status());
    }
}
