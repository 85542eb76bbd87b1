package fr.jalon.results;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.candidates.PersonalDataEraser;
import fr.jalon.platform.db.CopyRows;
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
 * SQL of certification results. Imports write by COPY, so a file of 100,000 rows is one stream,
 * not 100,000 statements; other batches go by arrays.
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

    private static final List<String> WRITTEN = List.of("enrolment_id", "session_id", "certification_number",
            "certification_type", "status", "score", "global_level", "competences", "complementary", "jury_comment",
            "taken_on", "fingerprint", "imported_by");

    /**
     * Writes results by PostgreSQL COPY on the import's own connection: new ones straight into
     * the table, corrected ones through a temporary table (replaced, their version grows).
     */
    void write(Connection connection, List<Write> created, List<Write> corrected, UUID actor) throws SQLException {
        if (!created.isEmpty()) {
            rows(created, actor).into(connection, "certification_results", WRITTEN);
        }
        if (corrected.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE results_corrected (LIKE certification_results INCLUDING DEFAULTS) ON COMMIT DROP");
            rows(corrected, actor).into(connection, "results_corrected", WRITTEN);
            statement.executeUpdate("""
                    UPDATE certification_results r SET certification_number = c.certification_number,
                        certification_type = c.certification_type, status = c.status, score = c.score,
                        global_level = c.global_level, competences = c.competences, complementary = c.complementary,
                        jury_comment = c.jury_comment, taken_on = c.taken_on, fingerprint = c.fingerprint,
                        imported_by = c.imported_by, imported_at = now(), version = r.version + 1
                    FROM results_corrected c WHERE r.enrolment_id = c.enrolment_id""");
            statement.execute("DROP TABLE results_corrected");
        }
    }

    private static CopyRows rows(List<Write> writes, UUID actor) {
        CopyRows rows = new CopyRows();
        for (Write w : writes) {
            PixResultsFile.Row r = w.row();
            rows.add(w.enrolmentId()).add(w.sessionId()).add(r.certificationNumber()).add(r.certificationType())
                    .add(r.status().name()).add(r.score()).add(w.globalLevel()).add(r.levels())
                    .add(r.complementary().isEmpty() ? "[]" : JsonText.write(complementaryJson(r.complementary())))
                    .add(r.juryComment()).add(r.takenOn())
                    .add(w.fingerprint()).add(actor).endRow();
        }
        return rows;
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
