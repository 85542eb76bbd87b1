package fr.jalon.fragility;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import fr.jalon.platform.db.Rows;

import io.helidon.dbclient.DbExecute;

/**
 * Read model over results' {@code certification_results}, candidates' {@code enrolments} and
 * {@code people}, and territory's {@code communes} and {@code epcis}: the validated certification
 * results of a calendar year summed per residence commune (2026), in PostgreSQL. One result per
 * person record — their latest of the year (on the same day, the higher score) — picked by one hash
 * aggregate: day, score and level are packed into one {@code bigint} whose maximum is that result
 * (the table's checks bound score to 0–1024 and level to 0–8). Only counts and sums leave the
 * database.
 */
final class ResultsByResidenceReadModel {

    private static final int LEVELS = 9;

    private static final String LEVEL_COUNTS = IntStream.range(0, LEVELS)
            .mapToObj(l -> "count(*) FILTER (WHERE r.global_level = " + l + ") AS level_" + l)
            .collect(Collectors.joining(", "));

    private static final String QUERY = """
            WITH latest AS (
                SELECT p.residence_insee,
                       max((cr.taken_on - DATE '2000-01-01')::bigint * 100000 + cr.score * 10 + cr.global_level) AS packed
                FROM certification_results cr JOIN enrolments e ON e.id = cr.enrolment_id
                JOIN people p ON p.id = e.person_id
                WHERE cr.status = 'VALIDATED' AND cr.score IS NOT NULL AND cr.global_level IS NOT NULL
                  AND cr.taken_on >= make_date(?, 1, 1) AND cr.taken_on < make_date(? + 1, 1, 1)
                  AND p.residence_insee IS NOT NULL
                GROUP BY p.id),
            r AS (SELECT residence_insee, packed / 10 % 10000 AS score, packed % 10 AS global_level FROM latest),
            totals AS (
                SELECT r.residence_insee, count(*) AS persons, sum(r.score) AS score_sum,
                       count(*) FILTER (WHERE r.global_level < 3) AS below3, LEVEL_COUNTS
                FROM r GROUP BY r.residence_insee)
            SELECT c.code_insee, c.name, c.epci_siren, ep.name AS epci_name, c.departement, t.*
            FROM totals t JOIN communes c ON c.code_insee = t.residence_insee AND c.type = 'commune-actuelle'
            LEFT JOIN epcis ep ON ep.siren = c.epci_siren
            ORDER BY c.code_insee""".replace("LEVEL_COUNTS", LEVEL_COUNTS);

    /** What the residents of one commune add up to in a year. */
    record CommuneTotals(String commune, String communeName, String epci, String epciName, String departement, int persons,
                         long scoreSum, int below3, int[] levels) {
    }

    List<CommuneTotals> ofYear(DbExecute exec, int year) {
        return exec.query(QUERY, year, year)
                .map(row -> {
                    int[] levels = new int[LEVELS];
                    for (int l = 0; l < LEVELS; l++) {
                        levels[l] = Rows.longValue(row, "level_" + l).intValue();
                    }
                    return new CommuneTotals(Rows.text(row, "code_insee"), Rows.text(row, "name"),
                            Rows.text(row, "epci_siren"), Rows.text(row, "epci_name"), Rows.text(row, "departement"),
                            Rows.longValue(row, "persons").intValue(), Rows.longValue(row, "score_sum"),
                            Rows.longValue(row, "below3").intValue(), levels);
                }).toList();
    }
}
