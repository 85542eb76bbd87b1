package fr.jalon;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import fr.jalon.platform.config.JalonSettings;
import fr.jalon.platform.db.EmbeddedDatabase;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import io.helidon.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stops while the service runs, then comes back on the same address: meanwhile
 * requests fail fast with 503 and Retry-After (no thread hangs), readiness goes down; then the
 * service recovers by itself, readiness comes back, and nothing was half-written.
 */
class DatabaseFaultTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Path directory;
    private EmbeddedDatabase postgres;
    private Jalon jalon;

    @AfterEach
    void stop() {
        if (jalon != null) {
            jalon.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        TestDatabase.deleteRecursively(directory);
    }

    private static int readiness(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri.resolve("/observe/health/ready")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aDatabaseRestartGives503sThenTheServiceRecoversWithoutARestart() throws Exception {
        directory = Files.createTempDirectory("jalon-fault");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        postgres = EmbeddedDatabase.start(directory.resolve("postgres"), port);
        String url = postgres.jdbcUrl();
        String token = "jal_fault_test_token_" + Fixtures.uniqueLetters() + "0123456789";
        JalonSettings settings = JalonSettings.from(Config.empty(), Map.of("JALON_DB_URL", url, "JALON_DB_USER",
                postgres.user(), "JALON_DB_PASSWORD", "", "JALON_PORT", "0", "JALON_DATA_DIR",
                directory.resolve("data").toString(), "JALON_PUBLIC_URL", "http://localhost",
                "JALON_SECRET_KEY", "ZmF1bHQtdGVzdC1zZWNyZXQta2V5LTMyLWJ5dGVzISE=", "JALON_SCHEDULER_NAME",
                "jalon-fault-test", "JALON_JOBS_AUTOMATIC", "false"));
        jalon = Jalon.start(settings, Config.empty());
        String admin = jalon.application().bootstrap().createToken("admin@example.org", "Administrateur");
        URI uri = URI.create("http://localhost:" + jalon.port());
        ApiClient api = new ApiClient(uri.toString(), admin);
        Fixtures fixtures = new Fixtures(api);
        String session = fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 5),
                TestTime.todayInParis().plusDays(10), "09:00");
        fixtures.enrol(session, "Avant-" + Fixtures.uniqueLetters(), "Lou", "1990-01-01");
        assertEquals(200, readiness(uri));

        postgres.close();
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            ApiClient.Answer refused = api.post("/api/v1/sessions/" + session + "/enrolments", Fixtures.enrolmentBody(
                    Fixtures.personBody("Pendant-" + Fixtures.uniqueLetters(), "Lou", "1990-01-01")));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(503, refused.status(), refused.body());
            assertEquals("5", refused.header("Retry-After").orElseThrow());
            assertTrue(millis < 8_000, "fails fast, no hanging thread: " + millis + " ms");
        }
        assertEquals(503, readiness(uri), "readiness goes down");

        postgres = EmbeddedDatabase.start(directory.resolve("postgres"), port);
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (readiness(uri) != 200) {
            assertTrue(System.nanoTime() < until, "readiness comes back within 30 s");
            Thread.sleep(250);
        }
        ApiClient.Answer after = api.post("/api/v1/sessions/" + session + "/enrolments", Fixtures.enrolmentBody(
                Fixtures.personBody("Apres-" + Fixtures.uniqueLetters(), "Lou", "1990-01-01")));
        assertEquals(201, after.status(), "recovered without a restart: " + after.body());
        assertEquals(2, api.get("/api/v1/sessions/" + session + "/enrolments").json().getJsonArray("items").size(),
                "the enrolments refused during the outage left nothing behind");
        assertEquals(2, api.get("/api/v1/sessions/" + session).json().getInt("seatsTaken"));
    }
}
