package fr.jalon.fragility;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 * The fragility index at scale. Skills aggregates over 1,010,000 generated validated results of
 * 1,000,000 residents of the 327 Landes communes (1 % took it twice in the year), in rotated rounds
 * against the equivalent SQL {@code GROUP BY} (the same figures, each person's latest result picked by
 * {@code DISTINCT ON}; checked equal to the job's sums) and, reported without a goal, the floor: a
 * {@code GROUP BY} of every result that ignores the one-result-per-person rule. Then the evaluation of
 * the 365 IRIS, the communes and the EPCIs over HTTP and the map of the IRIS evaluation. Goals:
 * aggregates < 3 s and ≤ 1.5 × the equivalent GROUP BY; the three evaluations < 300 ms; the map
 * < 100 ms and < 400 KB.
 */
class FragilityBench {

    private static final int RESULTS = 1_000_000;
    private static final int YEAR = 2032;
    private static final int RETAKES = RESULTS / 100;
    private static final int ROUNDS = 3;

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
            String retakes = fixtures.session(fixtures.room(fixtures.site(center), 10), TestTime.todayInParis().plusDays(4),
                    "09:00");
            long seeding = System.nanoTime();
            seed(UUID.fromString(center), UUID.fromString(session), UUID.fromString(retakes));
            System.out.printf("seeded %d results in %.1f s%n", RESULTS + RETAKES, (System.nanoTime() - seeding) / 1e9);

            DataSource dataSource = TestDatabase.get().database().dataSource();
            Fragility fragility = TestDatabase.get().application().fragility();
            Map<String, List<Long>> equivalent = equivalentGroupBy(dataSource);
            assertEquals(equivalent, totals(new ResultsByResidenceReadModel().ofYear(
                    TestDatabase.get().database().client().execute(), YEAR)), "the job sums what the textbook query sums");
            assertTrue(equivalent.size() >= 320, "residents in every commune: " + equivalent.size());
            fragility.computeAggregates(YEAR);
            floorGroupBy(dataSource);
            double jobSeconds = 0;
            double equivalentSeconds = 0;
            double floorSeconds = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (int step = 0; step < 3; step++) {
                    long started = System.nanoTime();
                    switch ((step + round) % 3) {
                        case 0 -> {
                            fragility.computeAggregates(YEAR);
                            jobSeconds += (System.nanoTime() - started) / 1e9 / ROUNDS;
                        }
                        case 1 -> {
                            equivalentGroupBy(dataSource);
                            equivalentSeconds += (System.nanoTime() - started) / 1e9 / ROUNDS;
                        }
                        default -> {
                            floorGroupBy(dataSource);
                            floorSeconds += (System.nanoTime() - started) / 1e9 / ROUNDS;
                        }
                    }
                }
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
            double ratio = jobSeconds / equivalentSeconds;
            double floorRatio = jobSeconds / floorSeconds;
            String summary = String.format(Locale.ROOT,
                    "fragility: skills aggregates of %d results (%d people, %d retakes) over the Landes communes %.2f s = "
                            + "%.2f x the equivalent SQL GROUP BY (%.2f s) and %.2f x a GROUP BY of every result without the "
                            + "one-result-per-person rule (%.2f s), means of %d rotated rounds; IRIS + commune + EPCI evaluations with skills %.0f ms (median of %d); "
                            + "map %.0f ms, %d KB",
                    RESULTS + RETAKES, RESULTS, RETAKES, jobSeconds, ratio, equivalentSeconds, floorRatio, floorSeconds, ROUNDS,
                    evaluationMillis, evaluations.length, mapMillis,
                    bytes / 1024);
            BenchSupport.report("fragility", Jsons.createObjectBuilder()
                    .add("name", "fragility")
                    .add("results", RESULTS + RETAKES)
                    .add("retakes", RETAKES)
                    .add("aggregatesSeconds", BenchSupport.round(jobSeconds))
                    .add("equivalentGroupBySeconds", BenchSupport.round(equivalentSeconds))
                    .add("ratio", BenchSupport.round(ratio))
                    .add("floorGroupBySeconds", BenchSupport.round(floorSeconds))
                    .add("floorRatio", BenchSupport.round(floorRatio))
                    .add("evaluationsMillis", BenchSupport.round(evaluationMillis))
                    .add("mapMillis", BenchSupport.round(mapMillis))
                    .add("mapBytes", bytes), summary,
                    Goal.below("aggregatesSeconds", 3), Goal.atMost("ratio", 1.5), Goal.below("evaluationsMillis", 300),
                    Goal.below("mapMillis", 100), Goal.below("mapBytes", 400 * 1024));
        } finally {
            server.stop();
        }
    }

    /**
     * 1,000,000 people of the centre, residents of the Landes communes in turn, each with a validated result in
     * June; every hundredth also took the certification in March (a retake: only June's result counts).
     */
    private static void seed(UUID center, UUID session, UUID retakes) {
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
        db.dml("""
                WITH e AS (INSERT INTO enrolments (session_id, center_id, person_id, status, billing_mode, origin)
                           SELECT ?, ?, p.id, 'PRESENT', 'FREE', 'DIRECT' FROM people p
                           WHERE p.identity_key LIKE 'bench-fragility|%00' RETURNING id)
                INSERT INTO certification_results (enrolment_id, session_id, certification_number, status, score, global_level,
                                                   competences, taken_on, fingerprint)
                SELECT e.id, ?, 'R' || e.id, 'VALIDATED', 100, 1, array_fill(CAST(1 AS smallint), ARRAY[16]),
                       make_date(?, 3, 1), 'bench'
                FROM e""", retakes, center, retakes, YEAR);
        db.dml("ANALYZE people");
        db.dml("ANALYZE enrolments");
        db.dml("ANALYZE certification_results");
    }

    /**
     * The equivalent query, written as one would without the job: each person's latest result of the year by
     * {@code DISTINCT ON}, then persons, score sum, below level 3 and each level's count per residence commune.
     */
    private static Map<String, List<Long>> equivalentGroupBy(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement("""
                SELECT residence_insee, count(*), sum(score), count(*) FILTER (WHERE global_level < 3),
                       count(*) FILTER (WHERE global_level = 0), count(*) FILTER (WHERE global_level = 1),
                       count(*) FILTER (WHERE global_level = 2), count(*) FILTER (WHERE global_level = 3),
                       count(*) FILTER (WHERE global_level = 4), count(*) FILTER (WHERE global_level = 5),
                       count(*) FILTER (WHERE global_level = 6), count(*) FILTER (WHERE global_level = 7),
                       count(*) FILTER (WHERE global_level = 8)
                FROM (SELECT DISTINCT ON (p.id) p.residence_insee, cr.score, cr.global_level
                      FROM certification_results cr JOIN enrolments e ON e.id = cr.enrolment_id
                      JOIN people p ON p.id = e.person_id
                      WHERE cr.status = 'VALIDATED' AND cr.score IS NOT NULL AND cr.global_level IS NOT NULL
                        AND cr.taken_on >= make_date(?, 1, 1) AND cr.taken_on < make_date(? + 1, 1, 1)
                        AND p.residence_insee IS NOT NULL
                      ORDER BY p.id, cr.taken_on DESC, cr.score DESC, cr.global_level DESC) latest
                GROUP BY residence_insee""")) {
            query.setInt(1, YEAR);
            query.setInt(2, YEAR);
            Map<String, List<Long>> totals = new TreeMap<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    List<Long> figures = new ArrayList<>();
                    for (int column = 2; column <= 13; column++) {
                        figures.add(rs.getLong(column));
                    }
                    totals.put(rs.getString(1), figures);
                }
            }
            return totals;
        }
    }

    private static Map<String, List<Long>> totals(List<ResultsByResidenceReadModel.CommuneTotals> communes) {
        Map<String, List<Long>> totals = new TreeMap<>();
        for (ResultsByResidenceReadModel.CommuneTotals t : communes) {
            List<Long> figures = new ArrayList<>(List.of((long) t.persons(), t.scoreSum(), (long) t.below3()));
            Arrays.stream(t.levels()).forEach(l -> figures.add((long) l));
            totals.put(t.commune(), figures);
        }
        return totals;
    }

    /** The floor: every result of the year summed per residence commune (no one-result-per-person rule). */
    private static int floorGroupBy(DataSource dataSource) throws Exception {
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
