package fr.jalon.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.jalon.candidates.PersonalDataEraser;
import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;
import fr.jalon.platform.http.JsonText;
import fr.jalon.platform.json.Jsons;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * SQL of certification results. Writes go by batches of arrays ({@code unnest}), so a file of
 * 100,000 rows is a few dozen statements, not 100,000.
 */
final class ResultsRepository {

    private static final int BATCH = 5_000;

    /** A row to write: the values and their digest. */
    record Write(UUID enrolmentId, UUID sessionId, PixResultsFile.Row row, Integer globalLevel, String fingerprint) {
    }

    Map<String, ResultMatching.KnownNumber> knownNumbers(DbExecute exec, Collection<String> numbers) {
        Map<String, ResultMatching.KnownNumber> known = new HashMap<>();
        exec.query("SELECT certification_number, enrolment_id, session_id FROM certification_results "
                        + "WHERE certification_number = ANY(CAST(? AS text[]))", (Object) numbers.toArray(String[]::new))
                .forEach(row -> known.put(Rows.text(row, "certification_number"), new ResultMatching.KnownNumber(
                        Rows.uuid(row, "enrolment_id"), Rows.uuid(row, "session_id"))));
        return known;
    }

    /** The results already stored for these sessions, by enrolment: to tell an unchanged row from a correction. */
    Map<UUID, CertificationResult> stored(DbExecute exec, Collection<UUID> sessionIds) {
        Map<UUID, CertificationResult> stored = new HashMap<>();
        exec.query(SELECT + " WHERE r.session_id = ANY(CAST(? AS uuid[]))", (Object) SqlArrays.of(sessionIds))
                .forEach(row -> {
                    CertificationResult result = result(row);
                    stored.put(result.enrolmentId(), result);
                });
        return stored;
    }

    /** Keeps the current values of results about to be corrected. */
    void archive(DbExecute exec, List<UUID> enrolmentIds, UUID actor) {
        for (List<UUID> batch : batches(enrolmentIds)) {
            exec.dml("""
                            INSERT INTO certification_result_history (enrolment_id, version, result, replaced_by)
                            SELECT enrolment_id, version, to_jsonb(r) - 'fingerprint', ? FROM certification_results r
                            WHERE enrolment_id = ANY(CAST(? AS uuid[]))""", actor, SqlArrays.of(batch));
        }
    }

    /** Inserts new results and replaces corrected ones (their version grows). */
    void write(DbExecute exec, List<Write> writes, UUID actor) {
        for (List<Write> batch : batches(writes)) {
            int n = batch.size();
            String[] enrolments = new String[n];
            String[] sessions = new String[n];
            String[] numbers = new String[n];
            String[] types = new String[n];
            String[] statuses = new String[n];
            Integer[] scores = new Integer[n];
            Integer[] levels = new Integer[n];
            String[] competences = new String[n];
            String[] complementary = new String[n];
            String[] comments = new String[n];
            String[] takenOn = new String[n];
            String[] fingerprints = new String[n];
            for (int i = 0; i < n; i++) {
                Write w = batch.get(i);
                PixResultsFile.Row r = w.row();
                enrolments[i] = w.enrolmentId().toString();
                sessions[i] = w.sessionId().toString();
                numbers[i] = r.certificationNumber();
                types[i] = r.certificationType();
                statuses[i] = r.status().name();
                scores[i] = r.score();
                levels[i] = w.globalLevel();
                competences[i] = r.levels().stream().map(l -> l == null ? "NULL" : l.toString())
                        .collect(Collectors.joining(",", "{", "}"));
                complementary[i] = JsonText.write(complementaryJson(r.complementary()));
                comments[i] = r.juryComment();
                takenOn[i] = r.takenOn() == null ? null : r.takenOn().toString();
                fingerprints[i] = w.fingerprint();
            }
            exec.dml("""
                            INSERT INTO certification_results (enrolment_id, session_id, certification_number,
                                certification_type, status, score, global_level, competences, complementary, jury_comment,
                                taken_on, fingerprint, imported_by)
                            SELECT CAST(e AS uuid), CAST(s AS uuid), num, typ, st, sc, lvl, CAST(comp AS smallint[]),
                                   CAST(cmp AS jsonb), com, tak, fp, ?
                            FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                        CAST(? AS text[]), CAST(? AS integer[]), CAST(? AS integer[]), CAST(? AS text[]),
                                        CAST(? AS text[]), CAST(? AS text[]), CAST(? AS date[]), CAST(? AS text[]))
                                 AS u(e, s, num, typ, st, sc, lvl, comp, cmp, com, tak, fp)
                            ON CONFLICT (enrolment_id) DO UPDATE SET certification_number = EXCLUDED.certification_number,
                                certification_type = EXCLUDED.certification_type, status = EXCLUDED.status,
                                score = EXCLUDED.score, global_level = EXCLUDED.global_level,
                                competences = EXCLUDED.competences, complementary = EXCLUDED.complementary,
                                jury_comment = EXCLUDED.jury_comment, taken_on = EXCLUDED.taken_on,
                                fingerprint = EXCLUDED.fingerprint, imported_by = EXCLUDED.imported_by,
                                imported_at = now(), version = certification_results.version + 1""",
                    actor, enrolments, sessions, numbers, types, statuses, scores, levels, competences, complementary,
                    comments, takenOn, fingerprints);
        }
    }

    List<CertificationResult> ofSession(DbExecute exec, UUID sessionId) {
        return exec.query(SELECT + " WHERE r.session_id = ? ORDER BY r.certification_number", sessionId)
                .map(ResultsRepository::result).toList();
    }

    Optional<CertificationResult> ofEnrolment(DbExecute exec, UUID enrolmentId) {
        return exec.get(SELECT + " WHERE r.enrolment_id = ?", enrolmentId).map(ResultsRepository::result);
    }

    /** EarlierResult versions of an enrolment's result, newest first (read back from their stored rows). */
    List<EarlierResult> history(DbExecute exec, UUID enrolmentId) {
        return exec.query("""
                        SELECT r.enrolment_id, r.session_id, r.certification_number, r.certification_type, r.status, r.score,
                               r.global_level, CAST(r.competences AS text) AS competences,
                               CAST(r.complementary AS text) AS complementary, r.jury_comment, r.taken_on, r.version,
                               r.imported_at, h.replaced_at
                        FROM certification_result_history h,
                             jsonb_populate_record(CAST(NULL AS certification_results), h.result) AS r
                        WHERE h.enrolment_id = ? ORDER BY h.version DESC""", enrolmentId)
                .map(row -> new EarlierResult(result(row), Rows.instant(row, "replaced_at")))
                .toList();
    }

    private static final String SELECT = """
            SELECT r.enrolment_id, r.session_id, r.certification_number, r.certification_type, r.status, r.score,
                   r.global_level, CAST(r.competences AS text) AS competences, CAST(r.complementary AS text) AS complementary,
                   r.jury_comment, r.taken_on, r.version, r.imported_at
            FROM certification_results r""";

    private static CertificationResult result(DbRow row) {
        String levels = Rows.text(row, "competences");
        List<Integer> competences = Arrays.stream(levels.substring(1, levels.length() - 1).split(","))
                .map(v -> v.equals("NULL") ? null : Integer.valueOf(v)).toList();
        JsonArray complementary = JsonText.readArray(Rows.text(row, "complementary"));
        List<CertificationResult.Complementary> outcomes = complementary.getValuesAs(JsonObject.class).stream()
                .map(o -> new CertificationResult.Complementary(o.getString("name"), o.getString("status"))).toList();
        return new CertificationResult(Rows.uuid(row, "enrolment_id"), Rows.uuid(row, "session_id"),
                Rows.text(row, "certification_number"), Rows.text(row, "certification_type"),
                ResultStatus.valueOf(Rows.text(row, "status")), Rows.integer(row, "score"), Rows.integer(row, "global_level"),
                competences, outcomes, Rows.text(row, "jury_comment"), Rows.date(row, "taken_on"),
                Rows.integer(row, "version"), Rows.instant(row, "imported_at"));
    }

    private static JsonArray complementaryJson(List<CertificationResult.Complementary> outcomes) {
        JsonArrayBuilder array = Jsons.createArrayBuilder();
        outcomes.forEach(o -> array.add(Jsons.createObjectBuilder().add("name", o.name()).add("status", o.status())));
        return array.build();
    }

    private static <T> List<List<T>> batches(List<T> all) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            batches.add(all.subList(i, Math.min(all.size(), i + BATCH)));
        }
        return batches;
    }

    /** Retention: the jury's comments on these enrolments go, from the results and their history. */
    Map<String, Integer> erase(DbExecute exec, PersonalDataEraser.Erasure erasure) {
        Object enrolments = SqlArrays.of(erasure.enrolmentIds());
        long results = exec.dml("UPDATE certification_results SET jury_comment = NULL WHERE enrolment_id = ANY(CAST(? AS uuid[])) "
                + "AND jury_comment IS NOT NULL", enrolments);
        long history = exec.dml("UPDATE certification_result_history SET result = result - 'jury_comment' "
                + "WHERE enrolment_id = ANY(CAST(? AS uuid[])) AND jsonb_exists(result, 'jury_comment')", enrolments);
        return Map.of("certification_results", (int) results, "certification_result_history", (int) history);
    }
}
