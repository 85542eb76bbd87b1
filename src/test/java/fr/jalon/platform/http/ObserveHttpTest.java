package fr.jalon.platform.http;

import java.net.URI;
import java.time.Clock;

import fr.jalon.Application;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestDatabase;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@HttpTest
class ObserveHttpTest {

    private final ApiClient anonymous;

    ObserveHttpTest(URI uri) {
        this.anonymous = ApiClient.of(uri, null);
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

    /** Ready only once start-up work is done; alive all along. */
    @Test
    void readinessWaitsForStartUpWorkAndLivenessDoesNot() {
        Application app = Application.on(TestDatabase.get().database(),
                TestDatabase.settings(), Clock.systemUTC());
        WebServerConfig.Builder config = WebServer.builder().port(0);
        app.configure(config);
        WebServer starting = config.build().start();
        try {
            ApiClient client = ApiClient.of(URI.create("http://localhost:" + starting.port()), null);
            ApiClient.Answer notYet = client.get("/observe/health/ready");
            assertEquals(503, notYet.status(), notYet.body());
            assertTrue(notYet.body().contains("startup"), notYet.body());
            assertEquals(503, client.get("/observe/health").status());
            assertEquals(200, client.get("/observe/health/live").status());

            app.ready();

            ApiClient.Answer ready = client.get("/observe/health/ready");
            assertEquals(200, ready.status(), ready.body());
            assertEquals("UP", ready.json().getString("status"));
        } finally {
            // Only the server: the application's scheduler is the JVM-wide one of its name, shared with the other tests.
            starting.stop();
        }
    }

    @Test
    void metricsAreInPrometheusTextFormat() {
        ApiClient.Answer metrics = anonymous.get("/observe/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.contentType().startsWith("text/plain"), metrics.contentType());
        assertTrue(metrics.body().contains("# TYPE"), metrics.body().substring(0, Math.min(200, metrics.body().length())));
    }
}
