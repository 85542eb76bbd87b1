package fr.jalon.users;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.TestDatabase;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@HttpTest
class TokensHttpTest {

    private final ApiClient admin;
    private final ApiClient anonymous;
    private final Fixtures fixtures;

    TokensHttpTest(ApiClient admin, Fixtures fixtures, URI uri) {
        this.admin = admin;
        this.fixtures = fixtures;
        this.anonymous = ApiClient.of(uri, null);
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

    /** A user's own new token never outlives the token that made it; only an administrator issues for others. */
    @Test
    void aTokenMadeWithATokenNeverOutlivesIt() {
        String center = fixtures.center();
        String userId = admin.as(fixtures.tokenFor("CENTER_STAFF", center)).get("/api/v1/me").id();
        ApiClient.Answer shortLived = admin.post("/api/v1/users/" + userId + "/tokens",
                Jsons.createObjectBuilder().add("expiresAt", "2030-01-01T00:00:00Z").build());
        ApiClient staff = admin.as(shortLived.json().getString("token"));

        ApiClient.Answer longer = staff.post("/api/v1/users/" + userId + "/tokens",
                Jsons.createObjectBuilder().add("expiresAt", "2099-01-01T00:00:00Z").build());
        ApiClient.Answer forever = staff.post("/api/v1/users/" + userId + "/tokens", Jsons.createObjectBuilder().build());
        String otherId = admin.as(fixtures.tokenFor("CENTER_STAFF", center)).get("/api/v1/me").id();
        ApiClient.Answer forOther = staff.post("/api/v1/users/" + otherId + "/tokens", Jsons.createObjectBuilder().build());

        assertEquals(422, longer.status(), longer.body());
        assertEquals("outlives_token", longer.json().getJsonArray("errors").getJsonObject(0).getString("code"));
        assertEquals(201, forever.status(), forever.body());
        assertEquals("2030-01-01T00:00:00Z", forever.json().getString("expiresAt"), "no expiry asked: the creator's");
        assertEquals(404, forOther.status(), "only an administrator issues tokens for others");

        // Made with a token that never expires, a staff member's own token still expires (90 days at most).
        ApiClient unlimited = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
        String unlimitedId = unlimited.get("/api/v1/me").id();
        ApiClient.Answer own = unlimited.post("/api/v1/users/" + unlimitedId + "/tokens", Jsons.createObjectBuilder().build());
        assertEquals(201, own.status(), own.body());
        Instant expires = Instant.parse(own.json().getString("expiresAt"));
        assertTrue(expires.isBefore(Instant.now().plus(Duration.ofDays(91))), expires.toString());
    }

    /** Disabling a user revokes every token at once, here and on another instance within the cache's life. */
    @Test
    void aDisabledUserLosesEveryTokenAtOnce() throws Exception {
        String center = fixtures.center();
        String userId = admin.post("/api/v1/users", Jsons.createObjectBuilder()
                .add("email", UUID.randomUUID() + "@example.org").add("displayName", "Agent parti")
                .add("role", "CENTER_STAFF").add("centerId", center).build()).id();
        List<ApiClient> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(admin.as(admin.post("/api/v1/users/" + userId + "/tokens", Jsons.createObjectBuilder().build())
                    .json().getString("token")));
        }
        try (JalonServer.SecondInstance other = JalonServer.secondInstance()) {
            ApiClient onOther = ApiClient.of(URI.create("http://localhost:" + other.port()), null);
            for (ApiClient c : clients) {
                assertEquals(200, c.get("/api/v1/me").status());
                assertEquals(200, onOther.as(tokenOf(c)).get("/api/v1/me").status(), "cached on the other instance");
            }

            ApiClient.Answer disabled = admin.post("/api/v1/users/" + userId + "/disable", Jsons.createObjectBuilder().build());

            assertEquals(200, disabled.status(), disabled.body());
            assertFalse(disabled.json().getBoolean("active"));
            for (ApiClient c : clients) {
                assertEquals(401, c.get("/api/v1/me").status(), "refused here at once");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(12).toNanos();
            boolean refusedEverywhere = false;
            while (!refusedEverywhere && System.nanoTime() < deadline) {
                refusedEverywhere = clients.stream().allMatch(c -> onOther.as(tokenOf(c)).get("/api/v1/me").status() == 401);
                Thread.sleep(500);
            }
            assertTrue(refusedEverywhere, "refused by the other instance within 10 s");
            assertEquals(409, admin.post("/api/v1/users/" + userId + "/tokens", Jsons.createObjectBuilder().build()).status());
            String self = admin.get("/api/v1/me").id();
            assertEquals(409, admin.post("/api/v1/users/" + self + "/disable", Jsons.createObjectBuilder().build()).status());
            ApiClient colleague = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
            assertEquals(403, colleague.post("/api/v1/users/" + self + "/disable", Jsons.createObjectBuilder().build())
                    .status(), "only an administrator disables");
        }
    }

    private static String tokenOf(ApiClient client) {
        return client.token();
    }
}
