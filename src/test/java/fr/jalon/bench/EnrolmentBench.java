package fr.jalon.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

import fr.jalon.bench.BenchSupport.Goal;
import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import io.helidon.webserver.WebServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Concurrent enrolment over HTTP: 64 keep-alive clients (a thin load generator, see
 * {@link RawHttpClient}) enrol distinct people into 500 sessions of 20 seats
 * (more requests than seats, so the waiting lists fill too), then the database is checked for
 * overbooking. Baseline, measured in the same run in alternating rounds on its own 500 sessions:
 * the same writes as plain JDBC transactions from 64 threads (lock the session and take a seat
 * or a waiting-list place, insert the person, the enrolment and its history line, the audit
 * line). Goals: at least 1,000 enrolments/s on 2 cores, zero overbooking, and at least a third of
 * the baseline's throughput.
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
            // Warm-up, measurement and baseline each get their own 500 sessions, so all see seats and waiting lists alike.
            List<String> warmupSessions = new ArrayList<>();
            List<String> sessions = new ArrayList<>();
            List<UUID> baselineSessions = new ArrayList<>();
            LocalDate first = TestTime.todayInParis().plusDays(60);
            for (int s = 0; s < SESSIONS; s++) {
                warmupSessions.add(fixtures.session(rooms.get(s % 25), first.plusDays(s / 25), "09:00"));
                sessions.add(fixtures.session(rooms.get(s % 25), first.plusDays(s / 25), "14:00"));
                baselineSessions.add(UUID.fromString(fixtures.session(rooms.get(s % 25), first.plusDays(s / 25), "11:00")));
            }
            String tag = Fixtures.uniqueLetters();
            List<JsonObject> bodies = new ArrayList<>();
            for (int i = 0; i < WARMUP + ENROLMENTS; i++) {
                bodies.add(Fixtures.enrolmentBody(Fixtures.personBody("Bench-" + tag + "-" + Fixtures.letters(i), "Candidat", "1990-05-17")));
            }
            List<byte[]> payloads = bodies.stream().map(b -> b.toString().getBytes(StandardCharsets.UTF_8)).toList();
            String token = JalonServer.adminToken();
            ThreadLocal<RawHttpClient> clients = ThreadLocal.withInitial(() -> new RawHttpClient("localhost", server.port()));
            DataSource dataSource = TestDatabase.get().database().dataSource();
            UUID centerId = UUID.fromString(center);
            LatencyRecorder.run("warm-up", CLIENTS, WARMUP,
                    i -> enrol(clients.get(), token, warmupSessions.get(i % SESSIONS), payloads.get(i)));
            LatencyRecorder.run("baseline warm-up", CLIENTS, WARMUP / 4,
                    i -> enrolOverJdbc(dataSource, centerId, baselineSessions.get(i % SESSIONS), "warm-" + tag, i));
            LatencyRecorder.Compared compared = LatencyRecorder.alternating("enrol", "jdbc", CLIENTS, ENROLMENTS, 4,
                    i -> enrol(clients.get(), token, sessions.get(i % SESSIONS), payloads.get(WARMUP + i)),
                    i -> enrolOverJdbc(dataSource, centerId, baselineSessions.get(i % SESSIONS), tag, i));
            LatencyRecorder.Result result = compared.measured();

            long overbooked = TestDatabase.get().database().client().execute().get("""
                            SELECT count(*) AS n FROM sessions s
                            WHERE s.center_id = ? AND (s.seats_taken > s.capacity OR s.seats_taken <> (
                                SELECT count(*) FROM enrolments e WHERE e.session_id = s.id AND e.status = 'ENROLLED'))""",
                    centerId).map(r -> r.column("n").get(Long.class)).orElseThrow();
            long enrolled = TestDatabase.get().database().client().execute().get(
                    "SELECT count(*) AS n FROM enrolments WHERE center_id = ? AND status = 'ENROLLED'", centerId)
                    .map(r -> r.column("n").get(Long.class)).orElseThrow();
            assertEquals(0, result.failures() + compared.baseline().failures());
            assertEquals(0, overbooked, "no session holds more enrolled candidates than its capacity");
            assertEquals(3L * SESSIONS * SEATS, enrolled, "every seat is taken, the rest waitlisted");

            String summary = String.format(Locale.ROOT,
                    "enrolment-http: %.0f enrolments/s with %d clients on %d sessions (p50 %.1f ms, p99 %.1f ms) "
                            + "= %.2f x the JDBC baseline's %.0f/s (p50 %.1f ms, p99 %.1f ms), %d overbooked sessions",
                    result.perSecond(), CLIENTS, SESSIONS, result.p50Millis(), result.p99Millis(),
                    compared.throughputRatio(), compared.baseline().perSecond(), compared.baseline().p50Millis(),
                    compared.baseline().p99Millis(), overbooked);
            BenchSupport.report("enrolment-http", Jsons.createObjectBuilder()
                    .add("name", "enrolment-http")
                    .add("sessions", SESSIONS)
                    .add("seatsPerSession", SEATS)
                    .add("result", result.json())
                    .add("jdbcBaseline", compared.baseline().json())
                    .add("throughputRatio", compared.throughputRatio())
                    .add("overbookedSessions", overbooked)
                    .add("enrolled", enrolled), summary,
                    Goal.atLeast("result.perSecond", 1000), Goal.equalTo("overbookedSessions", 0),
                    Goal.atLeast("throughputRatio", 0.33));
        } finally {
            server.stop();
        }
    }

    private static boolean enrol(RawHttpClient client, String token, String session, byte[] body) {
        return client.send("POST", "/api/v1/sessions/" + session + "/enrolments", token, body) == 201;
    }

    /** The writes of one enrolment as plain JDBC: seat or waiting list under the session's lock, person, enrolment, audit. */
    private static boolean enrolOverJdbc(DataSource dataSource, UUID center, UUID session, String tag, int i) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            boolean seated;
            try (PreparedStatement seat = c.prepareStatement("""
                    WITH s AS (SELECT id, seats_taken < capacity AS free FROM sessions WHERE id = ? FOR UPDATE)
                    UPDATE sessions se SET seats_taken = se.seats_taken + CASE WHEN s.free THEN 1 ELSE 0 END
                    FROM s WHERE se.id = s.id RETURNING s.free""")) {
                seat.setObject(1, session);
                try (ResultSet rs = seat.executeQuery()) {
                    rs.next();
                    seated = rs.getBoolean(1);
                }
            }
            UUID person;
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO people (owner_id, birth_name, first_name, sex, birth_date, birth_insee_code, birth_city,
                        birth_country, identity_key) VALUES (?, ?, 'Candidat', 'F', DATE '1990-05-17', '40192',
                        'Mont-de-Marsan', 'France', ?) RETURNING id""")) {
                insert.setObject(1, center);
                insert.setString(2, "Baseline-" + tag + "-" + Fixtures.letters(i));
                insert.setString(3, "baseline " + tag + " " + i + "|candidat|1990-05-17");
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    person = (UUID) rs.getObject(1);
                }
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    WITH e AS (INSERT INTO enrolments (session_id, center_id, person_id, status, billing_mode, origin,
                                   waitlist_position)
                               VALUES (?, ?, ?, ?, 'FREE', 'DIRECT', CASE WHEN ? THEN NULL ELSE nextval('enrolment_waitlist_seq') END)
                               RETURNING id, status)
                    INSERT INTO enrolment_history (enrolment_id, status) SELECT id, status FROM e""")) {
                insert.setObject(1, session);
                insert.setObject(2, center);
                insert.setObject(3, person);
                insert.setString(4, seated ? "ENROLLED" : "WAITLISTED");
                insert.setBoolean(5, seated);
                insert.executeUpdate();
            }
            try (PreparedStatement audit = c.prepareStatement("INSERT INTO audit_log (actor_role, action, record_type, "
                    + "record_id) VALUES ('ADMIN', 'enrolment.create', 'person', ?)")) {
                audit.setString(1, person.toString());
                audit.executeUpdate();
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
