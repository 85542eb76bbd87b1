package fr.jalon.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

import fr.jalon.bench.BenchSupport.Goal;
import fr.jalon.candidates.PixFileFixture;
import fr.jalon.platform.json.Jsons;
import fr.jalon.sessions.SessionSlot;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mass import of a generated Pix file of 10,000 candidates in 200 sessions, over HTTP, against a
 * baseline doing the same writes as plain JDBC batches in one transaction: the 200 sessions, the
 * 10,000 people of the centre, their enrolments (ENROLLED, each in its own session) with their
 * history lines, the sessions' seat counters and an audit line. Two rounds, each the import then
 * the baseline, after one small warm-up round of each; the figures are the rounds' means.
 * Goals: at most 3 times the baseline, and under 5 s.
 */
class ImportBench {

    private static final int SESSIONS = 200;
    private static final int PER_SESSION = 50;
    private static final int ROOMS = 20;
    private static final int ROUNDS = 2;
    private static final String[] FIRST_NAMES = {"Léa", "Hugo", "Chloé", "Lucas", "Inès", "Noé", "Zoé", "Jean-Pierre",
            "Anaïs", "Yannick"};
    private static final String[] NAMES = {"Dupont", "Lafargue", "D'Artagnan", "Lœuillet", "Benali", "Nguyen", "Santoni",
            "Etcheverry", "Larrieu", "Dubroca"};

    @Test
    void importOfTenThousandCandidates() throws Exception {
        WebServer server = BenchSupport.startServer();
        try {
            ApiClient admin = new ApiClient("http://localhost:" + server.port(), JalonServer.adminToken());
            DataSource dataSource = TestDatabase.get().database().dataSource();
            runImport(admin, 20, 25, "warm");
            batchInsert(dataSource, admin, 20, 25);
            double importSeconds = 0;
            double baselineSeconds = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long started = System.nanoTime();
                ApiClient.Answer answer = runImport(admin, SESSIONS, PER_SESSION, "bench");
                importSeconds += (System.nanoTime() - started) / 1e9 / ROUNDS;
                assertEquals(200, answer.status(), answer.body());
                assertEquals(SESSIONS * PER_SESSION, answer.json().getJsonObject("enrolments").getInt("created"));
                baselineSeconds += batchInsert(dataSource, admin, SESSIONS, PER_SESSION) / ROUNDS;
            }
            double ratio = importSeconds / baselineSeconds;
            String summary = String.format(Locale.ROOT,
                    "import-10k: %d candidates in %d sessions imported in %.2f s over HTTP = %.2f x JDBC batches of the "
                            + "same writes (%.2f s), means of %d rounds",
                    SESSIONS * PER_SESSION, SESSIONS, importSeconds, ratio, baselineSeconds, ROUNDS);
            BenchSupport.report("import-10k", Jsons.createObjectBuilder()
                    .add("name", "import-10k")
                    .add("candidates", SESSIONS * PER_SESSION)
                    .add("sessions", SESSIONS)
                    .add("rounds", ROUNDS)
                    .add("importSeconds", BenchSupport.round(importSeconds))
                    .add("jdbcBatchSeconds", BenchSupport.round(baselineSeconds))
                    .add("ratio", BenchSupport.round(ratio)), summary,
                    Goal.atMost("ratio", 3), Goal.below("importSeconds", 5));
        } finally {
            server.stop();
        }
    }

    /** Creates a centre with enough rooms, then imports a file describing new sessions and their candidates. */
    private static ApiClient.Answer runImport(ApiClient admin, int sessions, int perSession, String label) {
        Fixtures fixtures = new Fixtures(admin);
        String center = fixtures.center();
        String siteName = Fixtures.unique("Site " + label);
        String site = admin.post("/api/v1/centers/" + center + "/sites", Fixtures.siteBody(siteName).build()).id();
        int rooms = 20;
        for (int r = 0; r < rooms; r++) {
            admin.post("/api/v1/sites/" + site + "/rooms", Fixtures.roomBody("Salle " + r, PER_SESSION).build());
        }
        String tag = Fixtures.uniqueLetters();
        StringBuilder file = new StringBuilder("\uFEFF").append(PixFileFixture.HEADER).append("\r\n");
        DateTimeFormatter format = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        for (int s = 0; s < sessions; s++) {
            String date = TestTime.todayInParis().plusDays(30 + s / rooms).format(format);
            String sessionCells = ";" + siteName + ";Salle " + (s % rooms) + ";" + date + ";09:00;Marie Lafitte;;";
            for (int c = 0; c < perSession; c++) {
                int n = s * perSession + c;
                file.append(sessionCells)
                        .append(NAMES[n % NAMES.length]).append('-').append(tag).append('-').append(Fixtures.letters(n)).append(';')
                        .append(FIRST_NAMES[(n / 10) % FIRST_NAMES.length]).append(';')
                        .append(String.format("%02d/%02d/%d", 1 + n % 28, 1 + n % 12, 1950 + n % 50)).append(';')
                        .append(n % 2 == 0 ? "F" : "M").append(';')
                        .append(n % 7 == 0 ? ";;Casablanca;MAROC" : "40192;;;FRANCE").append(';')
                        .append(";candidat").append(n).append("@example.org;EXT-").append(n).append(';')
                        .append(n % 5 == 0 ? "33%" : "").append(';')
                        .append(n % 3 == 0 ? "Prépayée;12345678912345/FACT" + n : "Gratuite;").append(';')
                        .append(n % 11 == 0 ? "oui" : "").append("\r\n");
            }
        }
        return admin.send("POST", "/api/v1/sessions/import?center=" + center, "text/csv", file.toString());
    }

    /**
     * The import's writes as plain JDBC batches in one transaction, into a new centre with the
     * same rooms (made beforehand, not timed). Returns seconds.
     */
    private static double batchInsert(DataSource dataSource, ApiClient admin, int sessions, int perSession) throws Exception {
        Fixtures fixtures = new Fixtures(admin);
        UUID center = UUID.fromString(fixtures.center());
        UUID site = UUID.fromString(fixtures.site(center.toString()));
        List<UUID> rooms = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            rooms.add(UUID.fromString(fixtures.room(site.toString(), perSession)));
        }
        String tag = Fixtures.uniqueLetters();
        LocalDate firstDay = TestTime.todayInParis().plusDays(30);
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<UUID> sessionIds = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO sessions (id, center_id, site_id, room_id, local_date, start_time, time_zone, duration_minutes,
                        starts_at, ends_at, capacity, certification_type, access_code, invigilator_password, status)
                    VALUES (?, ?, ?, ?, ?, TIME '09:00', 'Europe/Paris', 105, ?, ?, ?, 'PIX', ?, 'abcdef', 'SCHEDULED')""")) {
                for (int s = 0; s < sessions; s++) {
                    UUID id = UUID.randomUUID();
                    sessionIds.add(id);
                    SessionSlot slot = new SessionSlot(firstDay.plusDays(s / ROOMS), LocalTime.of(9, 0), 105, SessionSlot.PARIS);
                    insert.setObject(1, id);
                    insert.setObject(2, center);
                    insert.setObject(3, site);
                    insert.setObject(4, rooms.get(s % ROOMS));
                    insert.setObject(5, slot.date());
                    insert.setObject(6, slot.startsAt().atOffset(ZoneOffset.UTC));
                    insert.setObject(7, slot.endsAt().atOffset(ZoneOffset.UTC));
                    insert.setInt(8, perSession);
                    insert.setString(9, "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            List<UUID> people = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO people (id, owner_id, birth_name, first_name, sex, birth_date, birth_insee_code, birth_city,
                        birth_country, identity_key, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int n = 0; n < sessions * perSession; n++) {
                    UUID id = UUID.randomUUID();
                    people.add(id);
                    insert.setObject(1, id);
                    insert.setObject(2, center);
                    insert.setString(3, "Baseline-" + tag + "-" + n);
                    insert.setString(4, "Léa");
                    insert.setString(5, "F");
                    insert.setObject(6, LocalDate.of(1950 + n % 50, 1 + n % 12, 1 + n % 28));
                    insert.setString(7, "40192");
                    insert.setString(8, "Mont-de-Marsan");
                    insert.setString(9, "France");
                    insert.setString(10, "baseline " + tag + " " + n + "|lea|" + n);
                    insert.setString(11, "candidat" + n + "@example.org");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    WITH e AS (INSERT INTO enrolments (id, session_id, center_id, person_id, status, billing_mode, external_id,
                                   origin) VALUES (?, ?, ?, ?, 'ENROLLED', 'FREE', ?, 'IMPORT') RETURNING id)
                    INSERT INTO enrolment_history (enrolment_id, status, note) SELECT id, 'ENROLLED', 'import' FROM e""")) {
                for (int n = 0; n < people.size(); n++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, sessionIds.get(n / perSession));
                    insert.setObject(3, center);
                    insert.setObject(4, people.get(n));
                    insert.setString(5, "EXT-" + n);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement seats = c.prepareStatement(
                    "UPDATE sessions SET seats_taken = seats_taken + ? WHERE id = ANY(?)")) {
                seats.setInt(1, perSession);
                seats.setArray(2, c.createArrayOf("uuid", sessionIds.toArray()));
                seats.executeUpdate();
            }
            try (PreparedStatement audit = c.prepareStatement("INSERT INTO audit_log (actor_role, action, record_type, "
                    + "record_id) VALUES ('ADMIN', 'session.import', 'center', ?)")) {
                audit.setString(1, center.toString());
                audit.executeUpdate();
            }
            c.commit();
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
