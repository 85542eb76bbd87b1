package fr.jalon.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.TestDatabase;

import io.helidon.webserver.WebServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Concurrent enrolment over HTTP: 64 keep-alive clients (a thin load generator, see
 * {@link RawHttpClient}) enrol distinct people into 500 sessions of 20 seats
 * (more requests than seats, so the waiting lists fill too), then the database is checked for
 * overbooking. Goal: at least 1,000 enrolments/s on 2 cores with zero overbooking.
 */
class EnrolmentBench {

    private static final int CLIENTS = 64;
    private static final int SESSIONS = 500;
    private static final int SEATS = 20;
    private static final int ENROLMENTS = 15_000;
    /** The JIT needs this many requests on 2 cores before the server runs at steady state. */
    private static final int WARMUP = 20_000;

    @Test
    void concurrentEnrolment() throws Exception {
        WebServer server = BenchSupport.startServer();
        try {
            ApiClient admin = new ApiClient("http://localhost:" + server.port(), JalonServer.adminToken());
            Fixtures fixtures = new Fixtures(admin);
            String center = fixtures.center();
            String site = fixtures.site(center);
            List<String> rooms = new ArrayList<>();
            for (int r = 0; r < 25; r++) {
                rooms.add(fixtures.room(site, SEATS));
            }
            // Warm-up and measurement each get their own 500 sessions, so both see seats and waiting lists alike.
            List<String> warmupSessions = new ArrayList<>();
            List<String> sessions = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                warmupSessions.add(fixtures.session(rooms.get(s % 25), LocalDate.now().plusDays(60 + s / 25), "09:00"));
                sessions.add(fixtures.session(rooms.get(s % 25), LocalDate.now().plusDays(60 + s / 25), "14:00"));
            }
            String tag = Fixtures.uniqueLetters();
            List<JsonObject> bodies = new ArrayList<>();
            for (int i = 0; i < WARMUP + ENROLMENTS; i++) {
                bodies.add(Fixtures.enrolmentBody(Fixtures.personBody("Bench-" + tag + "-" + Fixtures.letters(i), "Candidat", "1990-05-17")));
            }
            List<byte[]> payloads = bodies.stream().map(b -> b.toString().getBytes(StandardCharsets.UTF_8)).toList();
            String token = JalonServer.adminToken();
            ThreadLocal<RawHttpClient> clients = ThreadLocal.withInitial(() -> new RawHttpClient("localhost", server.port()));
            LatencyRecorder.run("warm-up", CLIENTS, WARMUP,
                    i -> enrol(clients.get(), token, warmupSessions.get(i % SESSIONS), payloads.get(i)));
            LatencyRecorder.Result result = LatencyRecorder.run("enrol", CLIENTS, ENROLMENTS,
                    i -> enrol(clients.get(), token, sessions.get((WARMUP + i) % SESSIONS), payloads.get(WARMUP + i)));

            long overbooked = TestDatabase.get().database().client().execute().get("""
                            SELECT count(*) AS n FROM sessions s
                            WHERE s.center_id = ? AND (s.seats_taken > s.capacity OR s.seats_taken <> (
                                SELECT count(*) FROM enrolments e WHERE e.session_id = s.id AND e.status = 'ENROLLED'))""",
                    UUID.fromString(center)).map(r -> r.column("n").get(Long.class)).orElseThrow();
            long enrolled = TestDatabase.get().database().client().execute().get(
                    "SELECT count(*) AS n FROM enrolments WHERE center_id = ? AND status = 'ENROLLED'", UUID.fromString(center))
                    .map(r -> r.column("n").get(Long.class)).orElseThrow();
            assertEquals(0, result.failures());
            assertEquals(0, overbooked, "no session holds more enrolled candidates than its capacity");
            assertEquals(2L * SESSIONS * SEATS, enrolled, "every seat is taken, the rest waitlisted");

            String summary = String.format(Locale.ROOT,
                    "enrolment-http: %.0f enrolments/s with %d clients on %d sessions (p50 %.1f ms, p99 %.1f ms), "
                            + "%d overbooked sessions; goal >= 1000/s and 0 overbooked",
                    result.perSecond(), CLIENTS, SESSIONS, result.p50Millis(), result.p99Millis(), overbooked);
            BenchSupport.report("enrolment-http", Jsons.createObjectBuilder()
                    .add("name", "enrolment-http")
                    .add("sessions", SESSIONS)
                    .add("seatsPerSession", SEATS)
                    .add("result", result.json())
                    .add("overbookedSessions", overbooked)
                    .add("enrolled", enrolled)
                    .add("goals", "perSecond >= 1000 and overbookedSessions == 0")
                    .build(), summary);
        } finally {
            server.stop();
        }
    }

    private static boolean enrol(RawHttpClient client, String token, String session, byte[] body) {
        return client.send("POST", "/api/v1/sessions/" + session + "/enrolments", token, body) == 201;
    }

}
