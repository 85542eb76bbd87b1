package fr.jalon.sessionday;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.candidates.PersonalDataEraser;
import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** SQL of the session day: per-candidate reports, incident reports, the session's report. */
final class SessionDayRepository {

    Map<UUID, CandidateReport> candidateReports(DbExecute exec, List<UUID> enrolmentIds) {
        Map<UUID, CandidateReport> reports = new HashMap<>();
        exec.query("SELECT * FROM candidate_reports WHERE enrolment_id = ANY(CAST(? AS uuid[]))",
                        (Object) SqlArrays.of(enrolmentIds))
                .forEach(row -> reports.put(Rows.uuid(row, "enrolment_id"), candidateReport(row)));
        return reports;
    }

    void saveCandidateReport(DbExecute exec, CandidateReport r) {
        exec.dml("""
                        INSERT INTO candidate_reports (enrolment_id, arrived_at, comment, test_finished, abort_reason)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (enrolment_id) DO UPDATE SET arrived_at = EXCLUDED.arrived_at,
                            comment = EXCLUDED.comment, test_finished = EXCLUDED.test_finished,
                            abort_reason = EXCLUDED.abort_reason, updated_at = now()""",
                r.enrolmentId(), r.arrivedAt(), r.comment(), r.testFinished(), r.abortReason());
    }

    List<Incident> incidents(DbExecute exec, List<UUID> enrolmentIds) {
        return exec.query("SELECT * FROM incident_reports WHERE enrolment_id = ANY(CAST(? AS uuid[])) "
                        + "ORDER BY created_at, id", (Object) SqlArrays.of(enrolmentIds))
                .map(SessionDayRepository::incident).toList();
    }

    Optional<Incident> incident(DbExecute exec, UUID id) {
        return exec.get("SELECT * FROM incident_reports WHERE id = ?", id).map(SessionDayRepository::incident);
    }

    UUID addIncident(DbExecute exec, UUID enrolmentId, IncidentCategory category, String subcategory, String description,
                     Integer questionNumber, UUID author) {
        return exec.get("""
                        INSERT INTO incident_reports (enrolment_id, category, subcategory, description, question_number,
                                                      created_by)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""",
                        enrolmentId, category.name(), subcategory, description, questionNumber, author)
                .map(row -> Rows.uuid(row, "id")).orElseThrow();
    }

    void removeIncident(DbExecute exec, UUID id) {
        exec.dml("DELETE FROM incident_reports WHERE id = ?", id);
    }

    SessionReport sessionReport(DbExecute exec, UUID sessionId) {
        return exec.get("SELECT * FROM session_reports WHERE session_id = ?", sessionId)
                .map(row -> new SessionReport(Rows.text(row, "global_comment"), Rows.bool(row, "has_incident"),
                        Rows.bool(row, "has_joining_issue"), Rows.instant(row, "finalized_at")))
                .orElse(SessionReport.BLANK);
    }

    void finalize(DbExecute exec, UUID sessionId, String globalComment, boolean hasIncident, boolean hasJoiningIssue,
                  UUID author) {
        exec.dml("""
                        INSERT INTO session_reports (session_id, global_comment, has_incident, has_joining_issue,
                                                     finalized_at, finalized_by)
                        VALUES (?, ?, ?, ?, now(), ?)
                        ON CONFLICT (session_id) DO UPDATE SET global_comment = EXCLUDED.global_comment,
                            has_incident = EXCLUDED.has_incident, has_joining_issue = EXCLUDED.has_joining_issue,
                            finalized_at = EXCLUDED.finalized_at, finalized_by = EXCLUDED.finalized_by""",
                sessionId, globalComment, hasIncident, hasJoiningIssue, author);
    }

    private static CandidateReport candidateReport(DbRow row) {
        return new CandidateReport(Rows.uuid(row, "enrolment_id"), Rows.time(row, "arrived_at"), Rows.text(row, "comment"),
                Rows.bool(row, "test_finished"), Rows.text(row, "abort_reason"));
    }

    private static Incident incident(DbRow row) {
        return new Incident(Rows.uuid(row, "id"), Rows.uuid(row, "enrolment_id"),
                IncidentCategory.valueOf(Rows.text(row, "category")), Rows.text(row, "subcategory"),
                Rows.text(row, "description"), Rows.integer(row, "question_number"), Rows.instant(row, "created_at"));
    }

    /** Retention: the comments and incident descriptions typed about these enrolments go. */
    Map<String, Integer> erase(DbExecute exec, PersonalDataEraser.Erasure erasure) {
        Object enrolments = SqlArrays.of(erasure.enrolmentIds());
        long comments = exec.dml("UPDATE candidate_reports SET comment = NULL WHERE enrolment_id = ANY(CAST(? AS uuid[])) "
                + "AND comment IS NOT NULL", enrolments);
        long incidents = exec.dml("UPDATE incident_reports SET description = NULL WHERE enrolment_id = ANY(CAST(? AS uuid[])) "
                + "AND description IS NOT NULL", enrolments);
        return Map.of("candidate_reports", (int) comments, "incident_reports", (int) incidents);
    }

    /** Retention: the global comment of sessions ended more than {@code months} months ago (it may name people). */
    int forgetOldComments(DbExecute exec, int months) {
        return (int) exec.dml("UPDATE session_reports r SET global_comment = NULL FROM sessions s WHERE s.id = r.session_id "
                + "AND r.global_comment IS NOT NULL AND s.ends_at < now() - make_interval(months => CAST(? AS integer))", months);
    }
}
