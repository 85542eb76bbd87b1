package fr.jalon.platform.http;

import java.net.URI;

import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;

import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input of every kind answers a French problem+json 4xx, never a 500. */
@ServerTest
class ProblemsHttpTest {

    private final ApiClient admin;

    ProblemsHttpTest(URI uri) {
        this.admin = ApiClient.of(uri, JalonServer.adminToken());
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        JalonServer.configure(server);
    }

    @Test
    void malformedJsonIs400() {
        ApiClient.Answer answer = admin.send("POST", "/api/v1/centers", "application/json", "{\"name\": ");
        assertProblem(answer, 400, "n'est pas un JSON valide");
    }

    @Test
    void aJsonArrayInsteadOfAnObjectIs400() {
        assertProblem(admin.send("POST", "/api/v1/centers", "application/json", "[1,2]"), 400, "objet JSON");
    }

    @Test
    void anotherContentTypeIs415() {
        assertProblem(admin.send("POST", "/api/v1/centers", "text/plain", "bonjour"), 415, "application/json");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        assertProblem(admin.send("POST", "/api/v1/centers", "application/json", huge), 413, "taille maximale");
    }

    @Test
    void anUnknownRouteOrIdIs404() {
        assertProblem(admin.get("/api/v1/nothing-here"), 404, "Aucune ressource");
        assertProblem(admin.get("/api/v1/sessions/not-a-uuid"), 404, "Aucune ressource");
        assertProblem(admin.get("/api/v1/sessions/" + java.util.UUID.randomUUID()), 404, "Aucune session");
    }

    @Test
    void wrongTypesAre422WithTheField() {
        ApiClient.Answer answer = admin.post("/api/v1/centers", Fixtures.centerBody("Centre typé")
                .add("staffRatio", "vingt").build());
        assertProblem(answer, 422, "staffRatio");
        assertEquals("staffRatio", answer.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    private static void assertProblem(ApiClient.Answer answer, int status, String detailPart) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.isProblem(), answer.contentType());
        assertEquals(status, answer.json().getInt("status"));
        assertTrue(answer.json().getString("detail").contains(detailPart), answer.body());
    }
}
