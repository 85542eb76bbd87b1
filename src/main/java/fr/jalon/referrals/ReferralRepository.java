package fr.jalon.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.candidates.PersonalDataEraser;
import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;
import fr.jalon.platform.http.JsonText;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import jakarta.json.JsonObject;

/**
 * SQL of referrals. Reads join the enrolment's session (read model across features); the
 * person's name is the one the adviser sent, kept on the referral.
 */
final class ReferralRepository {

    private static final String SELECT = """
            SELECT r.id, r.organisation_id, r.center_id, r.person_id, r.person_name,
                   r.adviser_id, r.referent_name, r.referent_email, r.certification, r.target_level,
                   r.constraints::text AS constraints, r.needs_flag, r.note, r.consent_at, r.status, r.appointment,
                   r.refusal_reason, r.refusal_text, r.reason_shared, r.postponed_until, r.enrolment_id,
                   en.session_id, r.result::text AS result, r.created_at, r.updated_at
            FROM referrals r LEFT JOIN enrolments en ON en.id = r.enrolment_id""";

    UUID insert(DbExecute exec, UUID organisationId, UUID centerId, UUID personId, String personName, UUID adviserId,
                String referentName,
                String referentEmail, String certification, String targetLevel, JsonObject constraints, String needsFlag,
                String note, Instant consentAt) {
        return exec.get("""
                        INSERT INTO referrals (organisation_id, center_id, person_id, person_name, adviser_id, referent_name,
                                               referent_email, certification, target_level, constraints, needs_flag, note,
                                               consent_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?) RETURNING id""",
                        organisationId, centerId, personId, personName, adviserId, referentName, referentEmail, certification,
                        targetLevel, constraints.toString(), needsFlag, note, consentAt.atOffset(ZoneOffset.UTC))
                .map(row -> Rows.uuid(row, "id")).orElseThrow();
    }

    Optional<Referral> find(DbExecute exec, UUID id) {
        return exec.get(SELECT + " WHERE r.id = ?", id).map(ReferralRepository::referral);
    }

    Optional<Referral> lock(DbExecute exec, UUID id) {
        return exec.get(SELECT + " WHERE r.id = ? FOR UPDATE OF r", id).map(ReferralRepository::referral);
    }

    Optional<UUID> referralOfEnrolment(DbExecute exec, UUID enrolmentId) {
        return exec.get("SELECT id FROM referrals WHERE enrolment_id = ? FOR UPDATE", enrolmentId)
                .map(row -> Rows.uuid(row, "id"));
    }

    /** The referrals behind some enrolments (most have none), locked: enrolment id → referral id. */
    Map<UUID, UUID> referralsOfEnrolments(DbExecute exec, Collection<UUID> enrolmentIds) {
        Map<UUID, UUID> found = new HashMap<>();
        exec.query("SELECT id, enrolment_id FROM referrals WHERE enrolment_id = ANY(CAST(? AS uuid[])) ORDER BY id FOR UPDATE",
                        (Object) SqlArrays.of(enrolmentIds))
                .forEach(row -> found.put(Rows.uuid(row, "enrolment_id"), Rows.uuid(row, "id")));
        return found;
    }

    /** Newest first, of one organisation or one centre (both null: all), optionally of one status. */
    List<Referral> list(DbExecute exec, UUID organisationId, UUID centerId, String status, int limit) {
        return exec.query(SELECT + " " + """
                         WHERE (CAST(? AS uuid) IS NULL OR r.organisation_id = ?) AND (CAST(? AS uuid) IS NULL OR r.center_id = ?)
                           AND (CAST(? AS text) IS NULL OR r.status = ?)
                         ORDER BY r.created_at DESC, r.id LIMIT ?""",
                        organisationId, organisationId, centerId, centerId, status, status, limit)
                .map(ReferralRepository::referral).toList();
    }

    void decide(DbExecute exec, UUID id, ReferralStatus status, RefusalReason reason, String text, Boolean shared,
                LocalDate postponedUntil) {
        exec.dml("""
                UPDATE referrals SET status = ?, appointment = ?, refusal_reason = ?, refusal_text = ?, reason_shared = ?,
                                     postponed_until = ?, updated_at = now()
                WHERE id = ?""", status.name(), status.appointment(), reason == null ? null : reason.name(), text, shared,
                postponedUntil, id);
    }

    void accept(DbExecute exec, UUID id, UUID enrolmentId) {
        exec.dml("UPDATE referrals SET status = 'ACCEPTED', appointment = 'PRIS', enrolment_id = ?, updated_at = now() "
                + "WHERE id = ?", enrolmentId, id);
    }

    void follow(DbExecute exec, UUID id, ReferralStatus status) {
        exec.dml("UPDATE referrals SET status = ?, appointment = ?, updated_at = now() WHERE id = ?",
                status.name(), status.appointment(), id);
    }

    /** NEW referrals older than the limit become EXPIRED; returns their ids. */
    List<UUID> expire(DbExecute exec, Instant createdBefore) {
        return exec.query("UPDATE referrals SET status = 'EXPIRED', updated_at = now() WHERE status = 'NEW' AND created_at < ? "
                        + "RETURNING id", createdBefore.atOffset(ZoneOffset.UTC))
                .map(row -> Rows.uuid(row, "id")).toList();
    }

    /** Centres with referrals waiting (NEW) for a week without a reminder: count and oldest, locked. */
    record Waiting(UUID centerId, String centre, String email, List<UUID> referralIds, Instant oldest) {
    }

    List<Waiting> waiting(DbExecute exec, Instant now) {
        return exec.query("""
                        WITH due AS (SELECT r.id, r.center_id, r.created_at FROM referrals r
                                     WHERE r.status = 'NEW' AND coalesce(r.last_reminded_at, r.created_at) <= ?
                                     FOR UPDATE OF r SKIP LOCKED)
                        SELECT c.id, c.name, c.contact_email, array_agg(due.id::text) AS ids, min(due.created_at) AS oldest
                        FROM due JOIN centers c ON c.id = due.center_id
                        WHERE c.contact_email IS NOT NULL
                        GROUP BY c.id, c.name, c.contact_email""", now.minus(java.time.Duration.ofDays(7)).atOffset(ZoneOffset.UTC))
                .map(row -> new Waiting(Rows.uuid(row, "id"), Rows.text(row, "name"), Rows.text(row, "contact_email"),
                        Rows.textList(row, "ids").stream().map(UUID::fromString).toList(), Rows.instant(row, "oldest")))
                .toList();
    }

    void reminded(DbExecute exec, List<UUID> ids, Instant at) {
        exec.dml("UPDATE referrals SET last_reminded_at = ? WHERE id = ANY(CAST(? AS uuid[]))",
                at.atOffset(ZoneOffset.UTC), (Object) SqlArrays.of(ids));
    }

    void certify(DbExecute exec, UUID id, JsonObject result) {
        exec.dml("UPDATE referrals SET status = 'CERTIFIED', appointment = 'EFFECTUE', result = CAST(? AS jsonb), "
                + "updated_at = now() WHERE id = ?", result.toString(), id);
    }

    /**
     * Retention: what the adviser and the centre typed about these people goes (name as sent,
     * note, constraints — accessibility is health data —, referent, refusal text, certification
     * number); change snapshots keep ids, dates, statuses and the result level; stored answers
     * to retried requests and delivery errors go. Returns the rows cleared, by table.
     */
    Map<String, Integer> erase(DbExecute exec, PersonalDataEraser.Erasure erasure) {
        Object people = SqlArrays.of(erasure.personIds());
        List<UUID> ids = exec.query("""
                        UPDATE referrals SET person_name = 'ANONYME', note = NULL, constraints = '{}', needs_flag = NULL,
                            referent_name = NULL, referent_email = NULL, refusal_text = NULL,
                            result = result - 'certificationNumber'
                        WHERE person_id = ANY(CAST(? AS uuid[])) RETURNING id""", people)
                .map(row -> Rows.uuid(row, "id")).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Object referrals = SqlArrays.of(ids);
        long snapshots = exec.dml("""
                UPDATE referral_changes SET snapshot = jsonb_strip_nulls(jsonb_build_object(
                    'id', snapshot -> 'id', 'organisationId', snapshot -> 'organisationId', 'centerId', snapshot -> 'centerId',
                    'status', snapshot -> 'status', 'appointment', snapshot -> 'appointment',
                    'consentAt', snapshot -> 'consentAt', 'postponedUntil', snapshot -> 'postponedUntil',
                    'enrolmentId', snapshot -> 'enrolmentId', 'sessionId', snapshot -> 'sessionId',
                    'createdAt', snapshot -> 'createdAt', 'updatedAt', snapshot -> 'updatedAt',
                    'result', CASE WHEN jsonb_exists(snapshot, 'result') THEN jsonb_strip_nulls(jsonb_build_object(
                        'status', snapshot -> 'result' -> 'status', 'globalLevel', snapshot -> 'result' -> 'globalLevel'))
                    END, 'anonymised', true))
                WHERE referral_id = ANY(CAST(? AS uuid[]))""",
                referrals);
        long deliveries = exec.dml("UPDATE referral_deliveries d SET last_error = NULL FROM referral_changes c "
                + "WHERE c.id = d.change_id AND c.referral_id = ANY(CAST(? AS uuid[])) AND d.last_error IS NOT NULL", referrals);
        long answers = exec.dml("DELETE FROM idempotency_keys k USING referrals r WHERE r.id = ANY(CAST(? AS uuid[])) "
                + "AND k.scope_id = r.organisation_id AND position(r.id::text IN k.body) > 0", referrals);
        return Map.of("referrals", ids.size(), "referral_changes", (int) snapshots,
                "referral_deliveries", (int) deliveries, "idempotency_keys", (int) answers);
    }

    private static Referral referral(DbRow row) {
        String reason = Rows.text(row, "refusal_reason");
        String result = Rows.text(row, "result");
        Object shared = Rows.raw(row, "reason_shared");
        return new Referral(Rows.uuid(row, "id"), Rows.uuid(row, "organisation_id"), Rows.uuid(row, "center_id"),
                Rows.uuid(row, "person_id"), Rows.text(row, "person_name"), Rows.uuid(row, "adviser_id"),
                Rows.text(row, "referent_name"), Rows.text(row, "referent_email"), Rows.text(row, "certification"),
                Rows.text(row, "target_level"), json(Rows.text(row, "constraints")), Rows.text(row, "needs_flag"),
                Rows.text(row, "note"), Rows.instant(row, "consent_at"), ReferralStatus.valueOf(Rows.text(row, "status")),
                Rows.text(row, "appointment"), reason == null ? null : RefusalReason.valueOf(reason),
                Rows.text(row, "refusal_text"), shared == null ? null : (Boolean) shared,
                Rows.date(row, "postponed_until"), Rows.uuid(row, "enrolment_id"), Rows.uuid(row, "session_id"),
                result == null ? null : json(result), Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"));
    }

    private static JsonObject json(String text) {
        return JsonText.readObject(text);
    }
}
