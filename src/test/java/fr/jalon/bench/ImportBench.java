package fr.jalon.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

import fr.jalon.candidates.PixFileFixture;
import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.TestDatabase;

import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mass import of a generated Pix file of 10,000 candidates in 200 sessions, over HTTP, against a
 * plain JDBC batch insert of the same rows (people and enrolments) in the same run.
 * Goal: at most 3 times the baseline, and under 5 s.
 */
class ImportBench {

    private static final int SESSIONS = 200;
    private static final int PER_SESSION = 50;
    private static final String[] FIRST_NAMES = {"Léa", "Hugo", "Chloé", "Lucas", "Inès", "Noé", "Zoé", "Jean-Pierre",
            "Anaïs", "Yannick"};
    private static final String[] NAMES = {"Dupont", "Lafargue", "D'Artagnan", "Lœuillet", "Benali", "Nguyen", "Santoni",
            "Etcheverry", "Larrieu", "Dubroca"};

    @Test
    void importOfTenThousandCandidates() throws Exception {
        WebServer server = BenchSupport.startServer();
        try {
            ApiClient admin = new ApiClient("http://localhost:" + server.port(), JalonServer.adminToken());
            runImport(admin, 20, 25, "warm");
            long started = System.nanoTime();
            ApiClient.Answer answer = runImport(admin, SESSIONS, PER_SESSION, "bench");
            double importSeconds = (System.nanoTime() - started) / 1e9;
            assertEquals(200, answer.status(), answer.body());
            assertEquals(SESSIONS * PER_SESSION, answer.json().getJsonObject("enrolments").getInt("created"));

            batchInsert(TestDatabase.get().database().dataSource(), 20, 25);
            double baselineSeconds = batchInsert(TestDatabase.get().database().dataSource(), SESSIONS, PER_SESSION);
            double ratio = importSeconds / baselineSeconds;
            String summary = String.format(Locale.ROOT,
                    "import-10k: %d candidates in %d sessions imported in %.2f s over HTTP = %.2f x a JDBC batch insert "
                            + "of the same rows (%.2f s); goal <= 3 x and < 5 s",
                    SESSIONS * PER_SESSION, SESSIONS, importSeconds, ratio, baselineSeconds);
            BenchSupport.report("import-10k", Jsons.createObjectBuilder()
                    .add("name", "import-10k")
                    .add("candidates", SESSIONS * PER_SESSION)
                    .add("sessions", SESSIONS)
                    .add("importSeconds", BenchSupport.round(importSeconds))
                    .add("jdbcBatchSeconds", BenchSupport.round(baselineSeconds))
                    .add("ratio", BenchSupport.round(ratio))
                    .add("goals", "ratio <= 3 and importSeconds < 5")
                    .build(), summary);
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
            String date = LocalDate.now().plusDays(30 + s / rooms).format(format);
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

    /** The same rows as plain JDBC batches: people, then enrolments of pre-made sessions. Returns seconds. */
    private static double batchInsert(DataSource dataSource, int sessions, int perSession) throws Exception {
        List<UUID> sessionIds = new ArrayList<>();
        UUID center;
        try (Connection c = dataSource.getConnection()) {
            try (var rs = c.createStatement().executeQuery("SELECT id, center_id FROM sessions LIMIT " + sessions)) {
                center = null;
                while (rs.next()) {
                    sessionIds.add((UUID) rs.getObject(1));
                    center = (UUID) rs.getObject(2);
                }
            }
        }
        String tag = Fixtures.uniqueLetters();
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<UUID> people = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO people (id, birth_name, first_name, sex, birth_date, birth_insee_code, birth_city,
                        birth_country, identity_key, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int n = 0; n < sessions * perSession; n++) {
                    UUID id = UUID.randomUUID();
                    people.add(id);
                    insert.setObject(1, id);
                    insert.setString(2, "Baseline-" + tag + "-" + n);
                    insert.setString(3, "Léa");
                    insert.setString(4, "F");
                    insert.setObject(5, LocalDate.of(1950 + n % 50, 1 + n % 12, 1 + n % 28));
                    insert.setString(6, "40192");
                    insert.setString(7, "Mont-de-Marsan");
                    insert.setString(8, "France");
                    insert.setString(9, "baseline " + tag + " " + n + "|lea|" + n);
                    insert.setString(10, "candidat" + n + "@example.org");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO enrolments (id, session_id, center_id, person_id, status, billing_mode, external_id, origin)
                    VALUES (?, ?, ?, ?, 'CANCELLED', 'FREE', ?, 'IMPORT')""")) {
                for (int n = 0; n < people.size(); n++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, sessionIds.get(n % sessionIds.size()));
                    insert.setObject(3, center);
                    insert.setObject(4, people.get(n));
                    insert.setString(5, "EXT-" + n);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
