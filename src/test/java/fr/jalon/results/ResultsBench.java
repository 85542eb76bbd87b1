package fr.jalon.results;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

import fr.jalon.bench.BenchSupport.Goal;
import fr.jalon.bench.BenchSupport;
import fr.jalon.candidates.PixFileFixture;
import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.ResultsCsv;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import io.helidon.webserver.WebServer;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Results of 100,000 candidates in 2,000 sessions of one centre, imported in one Pix-format file
 * over HTTP ({@code POST /api/v1/results?centerId=}), against PostgreSQL {@code COPY} of the same
 * file into a plain table in the same run. Goal (issue 20): at most 8 times the {@code COPY}.
 * The candidates arrive through the candidates import (10 files of 10,000); the sessions are then
 * marked finalized in SQL, which is set-up, not measured.
 */
class ResultsBench {

    private static final int CHUNKS = 10;
    private static final int SESSIONS_PER_CHUNK = 200;
    private static final int PER_SESSION = 50;
    private static final int ROOMS = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Test
    void resultsOfOneHundredThousandCandidates() throws Exception {
        WebServer server = BenchSupport.startServer();
        try {
            ApiClient admin = new ApiClient("http://localhost:" + server.port(), JalonServer.adminToken());
            Centre warm = centreWithFinalizedSessions(admin, 1, 2_000);
            importResults(admin, warm);
            copy(TestDatabase.get().database().dataSource(), warm.csv);

            Centre bench = centreWithFinalizedSessions(admin, CHUNKS, 10_000_000);
            long started = System.nanoTime();
            ApiClient.Answer answer = importResults(admin, bench);
            double importSeconds = (System.nanoTime() - started) / 1e9;
            int rows = CHUNKS * SESSIONS_PER_CHUNK * PER_SESSION;
            assertEquals(200, answer.status(), answer.body());
            assertEquals(rows, answer.json().getInt("created"), answer.body());
            assertEquals(CHUNKS * SESSIONS_PER_CHUNK, answer.json().getJsonArray("sessions").size());

            double copySeconds = copy(TestDatabase.get().database().dataSource(), bench.csv);
            double floorSeconds = insertIntoResultsShape(TestDatabase.get().database().dataSource());
            double writeSeconds = writeTypedRows(TestDatabase.get().database().dataSource(), bench.id);
            double ratio = importSeconds / copySeconds;
            String summary = String.format(Locale.ROOT,
                    "results-100k: %d result rows in %d sessions (%.1f MB) imported in %.2f s over HTTP "
                            + "= %.2f x PostgreSQL COPY of the same file (%.2f s). SQL alone, from the "
                            + "copied rows into a table shaped like certification_results (its keys, no foreign key): "
                            + "%.2f s = %.2f x COPY; the imported rows, already typed, written again by one INSERT "
                            + "into a copy of certification_results with its keys and foreign key: %.2f s = %.2f x COPY",
                    rows, CHUNKS * SESSIONS_PER_CHUNK, bench.csv.length / 1e6, importSeconds, ratio, copySeconds,
                    floorSeconds, floorSeconds / copySeconds, writeSeconds, writeSeconds / copySeconds);
            JsonObjectBuilder report = Jsons.createObjectBuilder()
                    .add("name", "results-100k")
                    .add("rows", rows)
                    .add("sessions", CHUNKS * SESSIONS_PER_CHUNK)
                    .add("fileBytes", bench.csv.length)
                    .add("importSeconds", BenchSupport.round(importSeconds))
                    .add("copySeconds", BenchSupport.round(copySeconds))
                    .add("ratio", BenchSupport.round(ratio))
                    .add("sqlIntoResultsShapeSeconds", BenchSupport.round(floorSeconds))
                    .add("typedWriteWithKeysSeconds", BenchSupport.round(writeSeconds));
            BenchSupport.report("results-100k", report, summary, Goal.atMost("ratio", 8));
        } finally {
            server.stop();
        }
    }

    /** A centre, its candidates enrolled by the candidates import, sessions finalized with Pix numbers; its results file. */
    private record Centre(String id, byte[] csv) {
    }

    private static Centre centreWithFinalizedSessions(ApiClient admin, int chunks, long firstPixNumber) {
        Fixtures fixtures = new Fixtures(admin);
        String center = fixtures.center();
        String tag = Fixtures.uniqueLetters();
        for (int chunk = 0; chunk < chunks; chunk++) {
            String siteName = "Site " + tag + " " + chunk;
            String site = admin.post("/api/v1/centers/" + center + "/sites", Fixtures.siteBody(siteName).build()).id();
            for (int r = 0; r < ROOMS; r++) {
                admin.post("/api/v1/sites/" + site + "/rooms", Fixtures.roomBody("Salle " + r, PER_SESSION).build());
            }
            ApiClient.Answer imported = admin.send("POST", "/api/v1/sessions/import?center=" + center, "text/csv",
                    candidates(siteName, tag, chunk));
            assertEquals(200, imported.status(), imported.body());
        }
        var db = TestDatabase.get().database().client().execute();
        db.dml("""
                UPDATE sessions s SET status = 'FINALIZED', pix_number = ? + n.rank
                FROM (SELECT id, row_number() OVER (ORDER BY id) AS rank FROM sessions WHERE center_id = ?) n
                WHERE s.id = n.id""", firstPixNumber, UUID.fromString(center));
        db.dml("UPDATE enrolments SET status = 'PRESENT' WHERE center_id = ?", UUID.fromString(center));

        ResultsCsv csv = ResultsCsv.v2026();
        long certification = 5_000_000_000L + firstPixNumber * 10;
        for (var row : db.query("""
                SELECT p.first_name, p.birth_name, p.birth_date, s.pix_number
                FROM enrolments e JOIN people p ON p.id = e.person_id JOIN sessions s ON s.id = e.session_id
                WHERE e.center_id = ? ORDER BY s.pix_number, p.birth_name""", UUID.fromString(center)).toList()) {
            long n = certification++;
            int score = (int) (n % 896);
            csv.row(String.valueOf(n), row.column("first_name").getString(), row.column("birth_name").getString(),
                    row.column("birth_date").get(LocalDate.class).format(DAY), "Validée", String.valueOf(score),
                    ResultsCsv.levels(score / 128), n % 4 == 0 ? "Validée" : "-", "", row.column("pix_number").getLong());
        }
        return new Centre(center, csv.bytes());
    }

    private static String candidates(String siteName, String tag, int chunk) {
        StringBuilder file = new StringBuilder("\uFEFF").append(PixFileFixture.HEADER).append("\r\n");
        for (int s = 0; s < SESSIONS_PER_CHUNK; s++) {
            String date = TestTime.todayInParis().plusDays(30 + s / ROOMS).format(DAY);
            String sessionCells = ";" + siteName + ";Salle " + (s % ROOMS) + ";" + date + ";09:00;Marie Lafitte;;";
            for (int c = 0; c < PER_SESSION; c++) {
                int n = (chunk * SESSIONS_PER_CHUNK + s) * PER_SESSION + c;
                file.append(sessionCells)
                        .append("Résultat-").append(tag).append('-').append(Fixtures.letters(n)).append(';')
                        .append(n % 3 == 0 ? "Anaïs" : "Jean-Pierre").append(';')
                        .append(String.format("%02d/%02d/%d", 1 + n % 28, 1 + n % 12, 1950 + n % 50)).append(';')
                        .append(n % 2 == 0 ? "F" : "M").append(";40192;;;FRANCE;;;EXT-").append(n)
                        .append(";;Gratuite;;\r\n");
            }
        }
        return file.toString();
    }

    private static ApiClient.Answer importResults(ApiClient admin, Centre centre) {
        return admin.send("POST", "/api/v1/results?centerId=" + centre.id, "text/csv",
                new String(centre.csv, StandardCharsets.UTF_8));
    }

    /**
     * A floor for any import into the results table: the rows already in the database (COPY'd),
     * typed and inserted by one SQL statement into a table with certification_results' columns,
     * checks and indexes (primary key, unique certification number, session index). Returns seconds.
     */
    private static double insertIntoResultsShape(DataSource dataSource) throws Exception {
        StringBuilder levels = new StringBuilder();
        for (int c = 11; c <= 26; c++) {
            levels.append(c == 11 ? "" : ", ").append("CAST(NULLIF(c").append(c).append(", '-') AS smallint)");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("DROP TABLE IF EXISTS bench_results_shape");
            connection.createStatement().execute("CREATE TABLE bench_results_shape (LIKE certification_results INCLUDING ALL)");
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            connection.createStatement().execute("""
                    INSERT INTO bench_results_shape (enrolment_id, session_id, certification_number, certification_type,
                        status, score, global_level, competences, complementary, jury_comment, taken_on, fingerprint)
                    SELECT gen_random_uuid(), gen_random_uuid(), c0, c6, 'VALIDATED', CAST(c9 AS integer),
                           CAST(c10 AS integer), ARRAY[%s], CAST('[]' AS jsonb), c27, to_date(c30, 'DD/MM/YYYY'),
                           md5(c0) || md5(c1)
                    FROM bench_results_copy""".formatted(levels));
            connection.commit();
            return (System.nanoTime() - started) / 1e9;
        }
    }

    /**
     * What the database alone spends writing these results: the imported rows, already typed,
     * inserted again by one statement into a copy of certification_results with its checks,
     * indexes and foreign key. Returns seconds.
     */
    private static double writeTypedRows(DataSource dataSource, String center) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("DROP TABLE IF EXISTS bench_results_written");
            connection.createStatement().execute("CREATE TABLE bench_results_written (LIKE certification_results INCLUDING ALL)");
            connection.createStatement().execute("""
                    ALTER TABLE bench_results_written ADD FOREIGN KEY (enrolment_id, session_id)
                        REFERENCES enrolments (id, session_id)""");
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            try (var insert = connection.prepareStatement("INSERT INTO bench_results_written SELECT r.* "
                    + "FROM certification_results r JOIN sessions s ON s.id = r.session_id WHERE s.center_id = ?")) {
                insert.setObject(1, UUID.fromString(center));
                insert.execute();
            }
            connection.commit();
            return (System.nanoTime() - started) / 1e9;
        }
    }

    /** COPY of the file (without its BOM) into a plain table of text columns, committed. Returns seconds. */
    private static double copy(DataSource dataSource, byte[] csv) throws Exception {
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        int columns = text.substring(0, text.indexOf('\r')).split(";").length;
        StringBuilder table = new StringBuilder("CREATE TABLE IF NOT EXISTS bench_results_copy (");
        for (int c = 0; c < columns; c++) {
            table.append(c == 0 ? "" : ", ").append("c").append(c).append(" text");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute(table.append(")").toString());
            connection.createStatement().execute("TRUNCATE bench_results_copy");
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY bench_results_copy FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true)",
                    new StringReader(text));
            connection.commit();
            return (System.nanoTime() - started) / 1e9;
        }
    }
}
