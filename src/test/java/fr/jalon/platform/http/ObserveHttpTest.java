package fr.jalon.platform.http;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.jalon.Application;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Db;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.Jobs;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@HttpTest
class ObserveHttpTest {

    private final ApiClient anonymous;
    private final ApiClient admin;

    ObserveHttpTest(URI uri, ApiClient admin) {
        this.anonymous = ApiClient.of(uri, null);
        this.admin = admin;
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

    @Test
    void requestsAreCountedByRoutePatternNeverByPath() throws InterruptedException {
        Fixtures fixtures = new Fixtures(admin);
        String center = fixtures.center();
        admin.get("/api/v1/centers/" + center);
        admin.get("/api/v1/centers/" + UUID.randomUUID());
        anonymous.get("/nowhere/" + UUID.randomUUID());
        // A request is counted once its answer is sent: the client may scrape a moment before.
        String body = anonymous.get("/observe/metrics").body();
        for (int attempt = 0; attempt < 40 && counted(body, "GET", "unmatched", "404") < 1; attempt++) {
            Thread.sleep(50);
            body = anonymous.get("/observe/metrics").body();
        }
        assertTrue(counted(body, "GET", "/api/v1/centers/{id}", "200") >= 1, body);
        assertTrue(counted(body, "GET", "/api/v1/centers/{id}", "404") >= 1, body);
        assertTrue(counted(body, "GET", "unmatched", "404") >= 1, body);
        // Identifiers never become series: the centre's id appears nowhere in the metrics.
        assertTrue(!body.contains(center), "no identifier in metrics");
    }

    @Test
    void thePoolAndTheJobsAreWatched() throws InterruptedException {
        Jobs.runAndWait(admin, "retention");
        String body = anonymous.get("/observe/metrics").body();
        for (String gauge : List.of("jalon_db_pool_active", "jalon_db_pool_idle", "jalon_db_pool_max", "jalon_db_pool_waiting")) {
            assertTrue(body.contains("# TYPE " + gauge + " gauge"), gauge + " in " + body);
        }
        Matcher max = Pattern.compile("(?m)^jalon_db_pool_max(\\{[^}]*})? ([0-9.E]+)").matcher(body);
        assertTrue(max.find(), body);
        assertTrue(Double.parseDouble(max.group(2)) >= 1, max.group());
        assertTrue(Pattern.compile("(?m)^jalon_jobs_runs_seconds_count\\{[^}]*job=\"retention\"[^}]*outcome=\"success\"[^}]*} "
                + "[1-9]").matcher(body).find() || Pattern.compile("(?m)^jalon_jobs_runs_seconds_count\\{[^}]*outcome=\"success\""
                + "[^}]*job=\"retention\"[^}]*} [1-9]").matcher(body).find(), body);
    }

    /** The count of the request timer's series with these tags, in whatever order Prometheus lists them. */
    private static double counted(String body, String method, String route, String status) {
        Matcher line = Pattern.compile("(?m)^jalon_http_requests_seconds_count\\{(.*)} ([0-9.E]+)$").matcher(body);
        double total = 0;
        while (line.find()) {
            String tags = line.group(1);
            if (tags.contains("method=\"" + method + "\"") && tags.contains("route=\"" + route + "\"")
                    && tags.contains("status=\"" + status + "\"")) {
                total += Double.parseDouble(line.group(2));
            }
        }
        return total;
    }

    @Test
    void theOutboxIsWatchedTheOldestDueMessageAgeIncluded() throws InterruptedException {
        // A message due for an hour, as when no instance delivers.
        Fixtures fixtures = new Fixtures(admin);
        String center = fixtures.center();
        String enrolment = fixtures.enrol(fixtures.session(fixtures.room(fixtures.site(center), 5),
                TestTime.todayInParis().plusDays(9), "09:00"), "Veille-" + Fixtures.uniqueLetters(), "Lou", "1990-01-01");
        String person = admin.get("/api/v1/enrolments/" + enrolment).json().getJsonObject("person").getString("id");
        Db.execute().dml("INSERT INTO notifications (kind, channel, person_id, center_id, subject_type, subject_id, "
                + "next_attempt_at) VALUES ('REMINDER', 'HAND', ?, ?, 'enrolment', ?, now() - interval '1 hour')",
                UUID.fromString(person), UUID.fromString(center), UUID.fromString(enrolment));
        try {
            String body = anonymous.get("/observe/metrics").body();
            for (String gauge : List.of("jalon_outbox_due", "jalon_outbox_sending", "jalon_outbox_failed")) {
                assertTrue(body.contains("# TYPE " + gauge + " gauge"), gauge + " in " + body);
            }
            // The gauges read the outbox at most once a second: a scrape just before may still be served.
            double age = 0;
            for (int attempt = 0; attempt < 20 && age < 3_500; attempt++) {
                Thread.sleep(250);
                // This JVM may run other services (tests of their own); the tests' is the cluster « jalon ».
                Matcher oldest = Pattern.compile("(?m)^jalon_outbox_oldest_due_seconds\\{[^}]*cluster=\"jalon\"[^}]*} "
                        + "([-0-9.E]+)")
                        .matcher(anonymous.get("/observe/metrics").body());
                assertTrue(oldest.find());
                age = Double.parseDouble(oldest.group(1));
            }
            assertTrue(age >= 3_500, "the hour-old message is seen: " + age);
        } finally {
            Db.execute().dml("UPDATE notifications SET status = 'CANCELLED' WHERE subject_id = ? AND kind = 'REMINDER'",
                    UUID.fromString(enrolment));
        }
    }
}
