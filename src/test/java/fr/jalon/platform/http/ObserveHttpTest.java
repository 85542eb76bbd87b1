package fr.jalon.platform.http;

import java.net.URI;

import fr.jalon.testing.ApiClient;
import fr.jalon.testing.JalonServer;

import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ServerTest
class ObserveHttpTest {

    private final ApiClient anonymous;

    ObserveHttpTest(URI uri) {
        this.anonymous = ApiClient.of(uri, null);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        JalonServer.configure(server);
    }

    @Test
    void healthIncludesTheDatabase() {
        ApiClient.Answer health = anonymous.get("/observe/health");
        assertEquals(200, health.status(), health.body());
        assertEquals("UP", health.json().getString("status"));
        assertTrue(health.json().getJsonArray("checks").stream()
                .anyMatch(c -> c.asJsonObject().getString("name").equals("database")
                        && c.asJsonObject().getString("status").equals("UP")), health.body());
    }

    @Test
    void metricsAreInPrometheusTextFormat() {
        ApiClient.Answer metrics = anonymous.get("/observe/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.contentType().startsWith("text/plain"), metrics.contentType());
        assertTrue(metrics.body().contains("# TYPE"), metrics.body().substring(0, Math.min(200, metrics.body().length())));
    }
}
