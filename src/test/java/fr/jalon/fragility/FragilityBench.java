package fr.jalon.fragility;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

import fr.jalon.bench.BenchSupport;
import fr.jalon.bench.BenchSupport.Goal;
import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fragility index at scale. Skills aggregates over 1,000,000 generated validated results of
 * residents of the 327 Landes communes, against one equivalent SQL {@code GROUP BY} (persons, score
 * sum and below-level-3 count per commune) in alternating rounds; the evaluation of the 365 IRIS,
 * the communes and the EPCIs over HTTP; the map of the IRIS evaluation. Goals: aggregates < 3 s and
 * ≤ 1.5 × the GROUP BY; the three evaluations < 300 ms; the map < 100 ms and < 400 KB.
 */
class FragilityBench {

    private static final int RESULTS = 1_000_000;
    private static final int YEAR = 2032;
    private static final int ROUNDS = 2;

    @Test
    void aggregatesEvaluationsAndMap() throws Exception {
        WebServer server = BenchSupport.startServer();
        try {
            ApiClient admin = new ApiClient("http://localhost:" + server.port(), JalonServer.adminToken());
            String vintage = "BENCH-" + Fixtures.uniqueLetters();
            try (InputStream in = FragilityBench.class.getResourceAsStream("/fragility/landes-iris-rp2016.csv")) {
                assertEquals(200, admin.sendBytes("POST", "/api/v1/fragility/inputs?vintage=" + vintage, "text/csv",
                        in.readAllBytes()).status());
            }
            try (InputStream in = FragilityBench.class.getResourceAsStream("/fragility/landes-references-2016.csv")) {
                assertEquals(200, admin.sendBytes("POST", "/api/v1/fragility/references", "text/csv", in.readAllBytes())
                        .status());
            }
            Fixtures fixtures = new Fixtures(admin);
            String center = fixtures.center();
            String session = fixtures.session(fixtures.room(fixtures.site(center), 10), TestTime.todayInParis().plusDays(3),
                    "09:00");
            long seeding = System.nanoTime();
            seed(UUID.fromString(center), UUID.fromString(session));
            System.out.printf("seeded %d results in %.1f s%n", RESULTS, (System.nanoTime() - seeding) / 1e9);

            DataSource dataSource = TestDatabase.get().database().dataSource();
            Fragility fragility = TestDatabase.get().application().fragility();
            fragility.computeAggregates(YEAR);
            groupBy(dataSource);
            double jobSeconds = 0;
            double groupBySeconds = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long started = System.nanoTime();
                fragility.computeAggregates(YEAR);
                jobSeconds += (System.nanoTime() - started) / 1e9 / ROUNDS;
                started = System.nanoTime();
                int communes = groupBy(dataSource);
                groupBySeconds += (System.nanoTime() - started) / 1e9 / ROUNDS;
                assertTrue(communes >= 320, "residents in every commune: " + communes);
            }

            double[] evaluations = new double[5];
            String irisEvaluation = null;
            for (int i = 0; i < evaluations.length; i++) {
                long started = System.nanoTime();
                for (String level : new String[] {"IRIS", "COMMUNE", "EPCI"}) {
                    ApiClient.Answer e = admin.post("/api/v1/fragility/evaluations", Jsons.createObjectBuilder()
                            .add("vintage", vintage).add("level", level).add("skillsYear", YEAR).build());
                    assertEquals(201, e.status(), e.body());
                    if (level.equals("IRIS")) {
                        irisEvaluation = e.id();
                    }
                }
                evaluations[i] = (System.nanoTime() - started) / 1e6;
            }
            Arrays.sort(evaluations);
            double[] maps = new double[7];
            int bytes = 0;
            for (int i = 0; i < maps.length; i++) {
                long started = System.nanoTime();
                ApiClient.Download map = admin.download("/api/v1/fragility/evaluations/" + irisEvaluation + "/map.svg");
                maps[i] = (System.nanoTime() - started) / 1e6;
                assertEquals(200, map.status());
                bytes = map.body().length;
            }
            Arrays.sort(maps);
            double evaluationMillis = evaluations[evaluations.length / 2];
            double mapMillis = maps[maps.length / 2];
            double ratio = jobSeconds / groupBySeconds;
            String summary = String.format(Locale.ROOT,
                    "fragility: skills aggregates of %d results over the Landes communes %.2f s = %.2f x one SQL GROUP BY "
                            + "(%.2f s), means of %d rounds; IRIS + commune + EPCI evaluations with skills %.0f ms (median of %d); "
                            + "map %.0f ms, %d KB",
                    RESULTS, jobSeconds, ratio, groupBySeconds, ROUNDS, evaluationMillis, evaluations.length, mapMillis,
                    bytes / 1024);
            BenchSupport.report("fragility", Jsons.createObjectBuilder()
                    .add("name", "fragility")
                    .add("results", RESULTS)
                    .add("aggregatesSeconds", BenchSupport.round(jobSeconds))
                    .add("groupBySeconds", BenchSupport.round(groupBySeconds))
                    .add("ratio", BenchSupport.round(ratio))
                    .add("evaluationsMillis", BenchSupport.round(evaluationMillis))
                    .add("mapMillis", BenchSupport.round(mapMillis))
                    .add("mapBytes", bytes), summary,
                    Goal.below("aggregatesSeconds", 3), Goal.atMost("ratio", 1.5), Goal.below("evaluationsMillis", 300),
                    Goal.below("mapMillis", 100), Goal.below("mapBytes", 400 * 1024));
        } finally {
            server.stop();
        }
    }

    /** 1,000,000 people of the centre, residents of the Landes communes in turn, each with a validated result. */
    private static void seed(UUID center, UUID session) {
        var db = TestDatabase.get().database().client().execute();
        db.dml("""
                WITH c AS (SELECT array_agg(code_insee ORDER BY code_insee) AS codes FROM communes
                           WHERE departement = '40' AND type = 'commune-actuelle'),
                p AS (INSERT INTO people (owner_id, birth_name, first_name, sex, birth_date, birth_insee_code, birth_city,
                                          birth_country, identity_key, residence_insee)
                      SELECT ?, 'Bench-' || g, 'Camille', 'F', DATE '1980-01-01', '40192', 'Mont-de-Marsan', 'France',
                             'bench-fragility|' || g, c.codes[1 + g % cardinality(c.codes)]
                      FROM generate_series(1, ?) AS g CROSS JOIN c RETURNING id),
                e AS (INSERT INTO enrolments (session_id, center_id, person_id, status, billing_mode, origin)
                      SELECT ?, ?, p.id, 'PRESENT', 'FREE', 'DIRECT' FROM p RETURNING id, person_id)
                INSERT INTO certification_results (enrolment_id, session_id, certification_number, status, score, global_level,
                                                   competences, taken_on, fingerprint)
                SELECT e.id, ?, 'B' || e.id, 'VALIDATED', 64 + (abs(hashtext(e.id::text)) % 700),
                       1 + (abs(hashtext(e.id::text)) % 700 + 64) / 128, array_fill(CAST(3 AS smallint), ARRAY[16]),
                       make_date(?, 6, 1), 'bench'
                FROM e""", center, RESULTS, session, center, session, YEAR);
        db.dml("ANALYZE people");
        db.dml("ANALYZE enrolments");
        db.dml("ANALYZE certification_results");
    }

    /** The floor: persons, score sum and below-level-3 count per residence commune, one statement. */
    private static int groupBy(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement("""
                SELECT p.residence_insee, count(*), sum(cr.score), count(*) FILTER (WHERE cr.global_level < 3)
                FROM certification_results cr JOIN enrolments e ON e.id = cr.enrolment_id JOIN people p ON p.id = e.person_id
                WHERE cr.status = 'VALIDATED' AND cr.taken_on >= make_date(?, 1, 1) AND cr.taken_on < make_date(? + 1, 1, 1)
                GROUP BY p.residence_insee""")) {
            query.setInt(1, YEAR);
            query.setInt(2, YEAR);
            int rows = 0;
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }
}
