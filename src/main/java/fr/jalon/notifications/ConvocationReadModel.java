package fr.jalon.notifications;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.candidates.EnrolmentStatus;
import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;
import fr.jalon.sessions.SessionStatus;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/**
 * Read model of the messages due: an outbox row joined with what its text needs. Reads
 * {@code notifications} with other features' tables — {@code enrolments}, {@code people},
 * {@code sessions}, {@code sites}, {@code rooms}, {@code centers}, {@code assignments},
 * {@code invigilators}, {@code agents}, {@code campaigns}, {@code campaign_participants},
 * {@code local_authorities} — and locks due rows on the outbox alone ({@code SKIP LOCKED}), so
 * instances share the work and never send a row twice.
 */
final class ConvocationReadModel {

    private static final String DUE_SELECT = """
            SELECT n.id, n.subject_id, n.kind, n.channel, n.offset_key, n.attempts, n.sent_at, n.next_attempt_at, en.status AS enrolment_status, false AS on_duty,
                   CASE WHEN n.offset_key LIKE 'recipient:%' THEN en.result_recipient_email ELSE p.email END AS email,
                   p.mobile_phone, p.first_name, p.birth_name,
                   concat_ws(E'\\n', p.address_line1, p.address_line2,
                             p.address_postal_code || ' ' || p.address_city) AS postal_address,
                   s.local_date, s.start_time, s.duration_minutes, s.starts_at, s.ends_at, s.status AS session_status,
                   si.id AS site_id, si.name AS site, r.name AS room,
                   si.address_line1 || ', ' || si.postal_code || ' ' || si.city AS site_address,
                   en.extra_time_percent, c.name AS centre, c.contact_phone, c.contact_email,
                   NULL AS campaign_name, NULL AS campaign_code, NULL AS campaign_url, CAST(NULL AS date) AS campaign_ends_on,
                   NULL AS campaign_status, NULL AS participant_status
            FROM notifications n
            JOIN people p ON p.id = n.person_id
            JOIN enrolments en ON en.id = n.subject_id
            JOIN sessions s ON s.id = en.session_id
            JOIN sites si ON si.id = s.site_id
            JOIN rooms r ON r.id = s.room_id
            JOIN centers c ON c.id = n.center_id
            """;

    /**
     * The same columns for an invigilator's message. An assignment removed since (re-planned) leaves
     * its message with no assignment status and no session: delivery cancels it.
     */
    private static final String INVIGILATOR_DUE_SELECT = """
            SELECT n.id, n.subject_id, n.kind, n.channel, n.offset_key, n.attempts, n.sent_at, n.next_attempt_at, NULL AS enrolment_status,
                   coalesce(a.status IN ('PUBLISHED', 'CONFIRMED'), false) AS on_duty,
                   i.email, i.phone AS mobile_phone, i.first_name, i.last_name AS birth_name, NULL AS postal_address,
                   s.local_date, s.start_time, coalesce(s.duration_minutes, 0) AS duration_minutes, s.starts_at, s.ends_at, s.status AS session_status,
                   si.id AS site_id, si.name AS site, r.name AS room,
                   si.address_line1 || ', ' || si.postal_code || ' ' || si.city AS site_address,
                   NULL AS extra_time_percent, c.name AS centre, c.contact_phone, c.contact_email,
                   NULL AS campaign_name, NULL AS campaign_code, NULL AS campaign_url, CAST(NULL AS date) AS campaign_ends_on,
                   NULL AS campaign_status, NULL AS participant_status
            FROM notifications n
            JOIN invigilators i ON i.id = n.invigilator_id
            LEFT JOIN assignments a ON a.id = n.subject_id
            LEFT JOIN sessions s ON s.id = a.session_id
            LEFT JOIN sites si ON si.id = s.site_id
            LEFT JOIN rooms r ON r.id = s.room_id
            JOIN centers c ON c.id = n.center_id
            """;

    /**
     * The same columns for a message to an agent of a local authority about a campaign (campaigns'
     * {@code agents}, {@code campaigns}, {@code campaign_participants}, {@code local_authorities}):
     * no session, the authority in the centre's place.
     */
    private static final String AGENT_DUE_SELECT = """
            SELECT n.id, n.subject_id, n.kind, n.channel, n.offset_key, n.attempts, n.sent_at, n.next_attempt_at, NULL AS enrolment_status,
                   false AS on_duty, g.email, NULL AS mobile_phone, g.first_name, g.birth_name, NULL AS postal_address,
                   CAST(NULL AS date) AS local_date, CAST(NULL AS time) AS start_time, 0 AS duration_minutes,
                   CAST(NULL AS timestamptz) AS starts_at, CAST(NULL AS timestamptz) AS ends_at, NULL AS session_status,
                   CAST(NULL AS uuid) AS site_id, NULL AS site, NULL AS room, NULL AS site_address,
                   NULL AS extra_time_percent, la.name AS centre, NULL AS contact_phone, la.contact_email,
                   ca.name AS campaign_name, ca.code AS campaign_code, ca.pix_url AS campaign_url,
                   ca.ends_on AS campaign_ends_on, ca.status AS campaign_status, cp.status AS participant_status
            FROM notifications n
            JOIN agents g ON g.id = n.agent_id
            JOIN campaigns ca ON ca.id = n.subject_id
            JOIN local_authorities la ON la.id = ca.authority_id
            LEFT JOIN campaign_participants cp ON cp.campaign_id = ca.id AND cp.agent_id = g.id
            """;

    /**
     * Claims due notifications for this instance: pending ones whose time has come, and those whose
     * sender's lease ran out (it died while sending). Picked on the outbox alone (its partial
     * indexes), {@code SKIP LOCKED} so that instances claim different rows; marked {@code SENDING}
     * with a lease until {@code leaseUntil}. Returns their ids; the transaction commits at once.
     */
    List<UUID> claimDue(DbExecute exec, int limit, String owner, Instant leaseUntil) {
        return exec.query("""
                        WITH pending AS (
                            SELECT id FROM notifications WHERE status = 'PENDING' AND next_attempt_at <= now()
                            ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED),
                        orphaned AS (
                            SELECT id FROM notifications WHERE status = 'SENDING' AND lease_until < now()
                            ORDER BY lease_until LIMIT ? FOR UPDATE SKIP LOCKED)
                        UPDATE notifications n SET status = 'SENDING', lease_until = ?, lease_owner = ?
                        WHERE n.id IN (SELECT id FROM pending UNION ALL SELECT id FROM orphaned)
                        RETURNING n.id""", limit, limit, leaseUntil.atOffset(ZoneOffset.UTC), owner)
                .map(row -> Rows.uuid(row, "id")).toList();
    }

    /** What sending these claimed notifications needs (recipient, session, place…), oldest due first. */
    List<DueNotification> claimed(DbExecute exec, List<UUID> ids) {
        String where = " WHERE n.id = ANY(CAST(? AS uuid[]))";
        Object array = SqlArrays.of(ids);
        return exec.query("SELECT * FROM (" + DUE_SELECT + where + " UNION ALL " + INVIGILATOR_DUE_SELECT + where
                        + " UNION ALL " + AGENT_DUE_SELECT + where
                        + ") d ORDER BY d.next_attempt_at", array, array, array)
                .map(ConvocationReadModel::due)
                .toList();
    }

    /**
     * The letters released for printing during {@code [from, to)} for sessions at one site, in
     * the order staff file them: by session time, then by name.
     */
    List<DueNotification> lettersOf(DbExecute exec, UUID siteId, Instant from, Instant to, int limit) {
        return exec.query(DUE_SELECT + """
                        WHERE n.channel = 'LETTER' AND n.status = 'SENT' AND si.id = ?
                          AND n.sent_at >= ? AND n.sent_at < ?
                        ORDER BY s.starts_at, p.birth_name, p.first_name, n.id LIMIT ?""",
                        siteId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), limit)
                .map(ConvocationReadModel::due)
                .toList();
    }

    /** The letter batches of {@code [from, to)}: one per site, in the given centres (null: all). */
    List<LetterBatch> letterBatches(DbExecute exec, List<UUID> centerIds, Instant from, Instant to) {
        return exec.query("""
                        SELECT si.id AS site_id, si.name AS site, si.center_id, count(*) AS letters
                        FROM notifications n
                        JOIN enrolments en ON en.id = n.subject_id
                        JOIN sessions s ON s.id = en.session_id
                        JOIN sites si ON si.id = s.site_id
                        WHERE n.channel = 'LETTER' AND n.status = 'SENT' AND n.sent_at >= ? AND n.sent_at < ?
                          AND (CAST(? AS uuid[]) IS NULL OR n.center_id = ANY(CAST(? AS uuid[])))
                        GROUP BY si.id, si.name, si.center_id ORDER BY si.name, si.id""",
                        from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), SqlArrays.of(centerIds),
                        SqlArrays.of(centerIds))
                .map(row -> new LetterBatch(Rows.uuid(row, "site_id"), Rows.text(row, "site"), Rows.uuid(row, "center_id"),
                        Rows.integer(row, "letters")))
                .toList();
    }

    Optional<UUID> centerOfSite(DbExecute exec, UUID siteId) {
        return exec.get("SELECT center_id FROM sites WHERE id = ?", siteId).map(row -> Rows.uuid(row, "center_id"));
    }

    private static DueNotification due(DbRow row) {
        return new DueNotification(Rows.uuid(row, "id"), Rows.uuid(row, "subject_id"), Rows.text(row, "kind"),
                Rows.text(row, "channel"), Rows.text(row, "offset_key"), Rows.integer(row, "attempts"),
                enumOrNull(EnrolmentStatus.class, Rows.text(row, "enrolment_status")), Rows.bool(row, "on_duty"),
                Rows.text(row, "email"), Rows.text(row, "mobile_phone"),
                Rows.text(row, "first_name"), Rows.text(row, "birth_name"), Rows.text(row, "postal_address"),
                Rows.date(row, "local_date"), Rows.time(row, "start_time"), Rows.integer(row, "duration_minutes"),
                Rows.instant(row, "starts_at"), Rows.instant(row, "ends_at"),
                enumOrNull(SessionStatus.class, Rows.text(row, "session_status")),
                Rows.uuid(row, "site_id"), Rows.text(row, "site"), Rows.text(row, "room"), Rows.text(row, "site_address"),
                Rows.integer(row, "extra_time_percent"), Rows.text(row, "centre"), Rows.text(row, "contact_phone"),
                Rows.text(row, "contact_email"), Rows.instant(row, "sent_at"), campaign(row));
    }

    private static DueNotification.Campaign campaign(DbRow row) {
        String code = Rows.text(row, "campaign_code");
        return code == null ? null : new DueNotification.Campaign(Rows.text(row, "campaign_name"), code,
                Rows.text(row, "campaign_url"), Rows.date(row, "campaign_ends_on"), Rows.text(row, "campaign_status"),
                Rows.text(row, "participant_status"));
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
