package fr.jalon.fragility;

import java.util.List;

import fr.jalon.platform.db.Rows;

import io.helidon.dbclient.DbExecute;

/**
 * Read model over results' {@code certification_results}, candidates' {@code enrolments} and
 * {@code people}, and territory's {@code communes} and {@code epcis}: the validated certification
 * results of a calendar year summed per residence commune (2026), in PostgreSQL — one result per
 * person record (their latest of the year). Only counts and sums leave the database.
 */
final class ResultsByResidenceReadModel {

    /** What the residents of one commune add up to in a year. */
    record CommuneTotals(String commune, String communeName, String epci, String epciName, String departement, int persons,
                         long scoreSum, int below3, int[] levels) {
    }

    List<CommuneTotals> ofYear(DbExecute exec, int year) {
        return exec.query("""
                        WITH r AS (
                            SELECT DISTINCT ON (p.id) p.id, p.residence_insee, cr.score, cr.global_level
                            FROM certification_results cr JOIN enrolments e ON e.id = cr.enrolment_id
                            JOIN people p ON p.id = e.person_id
                            WHERE cr.status = 'VALIDATED' AND cr.score IS NOT NULL AND cr.global_level IS NOT NULL
                              AND cr.taken_on >= make_date(?, 1, 1) AND cr.taken_on < make_date(? + 1, 1, 1)
                              AND p.residence_insee IS NOT NULL
                            ORDER BY p.id, cr.taken_on DESC)
                        SELECT c.code_insee, c.name, c.epci_siren, ep.name AS epci_name, c.departement, count(*) AS persons,
                               sum(r.score) AS score_sum, count(*) FILTER (WHERE r.global_level < 3) AS below3,
                               array_agg(r.global_level) AS levels
                        FROM r JOIN communes c ON c.code_insee = r.residence_insee AND c.type = 'commune-actuelle'
                        LEFT JOIN epcis ep ON ep.siren = c.epci_siren
                        GROUP BY c.code_insee, c.name, c.epci_siren, ep.name, c.departement
                        ORDER BY c.code_insee""", year, year)
                .map(row -> {
                    int[] levels = new int[9];
                    for (String level : Rows.textList(row, "levels")) {
                        levels[Math.max(0, Math.min(8, Integer.parseInt(level)))]++;
                    }
                    return new CommuneTotals(Rows.text(row, "code_insee"), Rows.text(row, "name"),
                            Rows.text(row, "epci_siren"), Rows.text(row, "epci_name"), Rows.text(row, "departement"),
                            Rows.longValue(row, "persons").intValue(), Rows.longValue(row, "score_sum"),
                            Rows.longValue(row, "below3").intValue(), levels);
                }).toList();
    }
}
