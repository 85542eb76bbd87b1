package fr.jalon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import fr.jalon.platform.config.JalonSettings;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.TestDatabase;

import io.helidon.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service as a newcomer runs it: embedded PostgreSQL under a data directory, demo data, restart. */
class RestartTest {

    private static final String BOOTSTRAP = "jal_restart_test_bootstrap_token_0123456789";

    private Path dataDir;

    @AfterEach
    void clean() {
        TestDatabase.deleteRecursively(dataDir);
    }

    @Test
    void aRestartOnTheSameDataDirectoryFindsTheDataAndLoadsDemoDataOnce() throws Exception {
        dataDir = Files.createTempDirectory("jalon-restart");
        JalonSettings settings = JalonSettings.from(Config.empty(), Map.of(
                "JALON_DATA_DIR", dataDir.toString(),
                "JALON_PORT", "0",
                "JALON_BOOTSTRAP_TOKEN", BOOTSTRAP,
                // Its own database, so its own scheduler cluster (the shared test database has "jalon").
                "JALON_SCHEDULER_NAME", "jalon-restart-test"));
        String centerId;
        int demoSessions;
        try (Jalon first = Jalon.start(settings, Config.empty())) {
            ApiClient admin = new ApiClient("http://localhost:" + first.port(), BOOTSTRAP);
            demoSessions = admin.get("/api/v1/sessions?limit=200").json().getJsonArray("items").size();
            assertTrue(demoSessions >= 8, "a month of demo sessions: " + demoSessions);
            assertTrue(admin.get("/api/v1/centers").json().getJsonArray("items").getJsonObject(0).getString("name")
                    .startsWith("[DÉMO]"));
            centerId = new Fixtures(admin).center();
        }

        try (Jalon second = Jalon.start(settings, Config.empty())) {
            ApiClient admin = new ApiClient("http://localhost:" + second.port(), BOOTSTRAP);
            assertEquals(200, admin.get("/api/v1/centers/" + centerId).status(), "data survived the restart");
            assertEquals(demoSessions, admin.get("/api/v1/sessions?limit=200").json().getJsonArray("items").size(),
                    "demo data is loaded once");
            assertEquals(2, admin.get("/api/v1/centers").json().getJsonArray("items").size());
            var retention = admin.get("/api/v1/jobs").json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                    .filter(j -> j.getString("name").equals("retention")).findFirst().orElseThrow();
            assertTrue(Instant.parse(retention.getString("nextRunAt")).isAfter(Instant.now()),
                    "the service schedules its jobs");
        }
    }
}
