package fr.jalon.notifications;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/**
 * SQL of the outbox. Planning reads the enrolment events and the people's channels (a read
 * model across features, in one statement); delivery takes due rows with SKIP LOCKED so that
 * instances share the work and never send the same row at the same time.
 */
final class NotificationRepository {

    static final String CONSUMER = "notifications";
    static final String UNREACHABLE = "Aucun canal utilisable (ni e-mail, ni mobile, ni adresse) : message à remettre "
            + "en main propre ou via le conseiller.";
    /** Offset prefix of the copy of a message sent to the candidate's result recipient (e-mail only). */
    static final String RECIPIENT_COPY = "recipient:";
    static final String UNREACHABLE_INVIGILATOR = "Surveillant sans e-mail ni téléphone : à prévenir directement.";

    /**
     * Turns new events into messages, one per channel the person uses (or one HELD hand-over row
     * for a person with no channel), and marks the events consumed, in one statement: a new
     * enrolment is convoked, a promotion from the waiting list announced, a session change or
     * cancellation told to everyone it concerns. Returns how many notifications were created.
     */
    int planFromEvents(DbExecute exec, int batch) {
        return exec.get("""
                        WITH ev AS (
                            SELECT e.id, e.type, e.aggregate_id FROM domain_events e
                            WHERE e.type IN ('ENROLMENT_CREATED', 'ENROLMENT_PROMOTED', 'SESSION_CHANGED',
                                             'SESSION_CANCELLED', 'SESSION_FINALIZED', 'RESULTS_IMPORTED')
                              AND NOT EXISTS (SELECT 1 FROM event_consumptions c
                                              WHERE c.consumer = ? AND c.event_id = e.id)
                            ORDER BY e.id LIMIT ? FOR UPDATE OF e SKIP LOCKED),
                        consumed AS (INSERT INTO event_consumptions (consumer, event_id) SELECT ?, id FROM ev),
                        subjects AS (
                            SELECT CASE ev.type WHEN 'ENROLMENT_CREATED' THEN 'CONVOCATION' ELSE 'PROMOTED' END AS kind,
                                   en.id AS enrolment_id, '' AS offset_key
                            FROM ev JOIN enrolments en ON en.id = ev.aggregate_id
                            WHERE ev.type IN ('ENROLMENT_CREATED', 'ENROLMENT_PROMOTED') AND en.status = 'ENROLLED'
                            UNION ALL
                            SELECT 'SESSION_CHANGED', en.id, 'event-' || ev.id
                            FROM ev JOIN enrolments en ON en.session_id = ev.aggregate_id
                            WHERE ev.type = 'SESSION_CHANGED' AND en.status IN ('ENROLLED', 'CONVOKED')
                            UNION ALL
                            SELECT 'SESSION_CANCELLED', en.id, ''
                            FROM ev JOIN enrolments en ON en.session_id = ev.aggregate_id
                            WHERE ev.type = 'SESSION_CANCELLED' AND en.status IN ('ENROLLED', 'CONVOKED', 'WAITLISTED')
                            UNION ALL
                            SELECT 'NO_SHOW', en.id, ''
                            FROM ev JOIN enrolments en ON en.session_id = ev.aggregate_id
                            WHERE ev.type = 'SESSION_FINALIZED' AND en.status IN ('ABSENT', 'EXCUSED')
                            UNION ALL
                            -- One message per version of the results: a corrected file is announced again.
                            SELECT DISTINCT 'RESULTS_AVAILABLE', r.enrolment_id, 'v' || r.version
                            FROM ev JOIN certification_results r ON r.session_id = ev.aggregate_id
                            WHERE ev.type = 'RESULTS_IMPORTED'),
                        targets AS (
                            SELECT s.kind, s.enrolment_id, s.offset_key, en.person_id, en.center_id, p.preferred_channels
                            FROM subjects s JOIN enrolments en ON en.id = s.enrolment_id JOIN people p ON p.id = en.person_id),
                        created AS (
                            INSERT INTO notifications (kind, channel, person_id, center_id, subject_type, subject_id,
                                                       offset_key)
                            SELECT t.kind, ch, t.person_id, t.center_id, 'enrolment', t.enrolment_id, t.offset_key
                            FROM targets t CROSS JOIN LATERAL unnest(t.preferred_channels) AS ch
                            ON CONFLICT DO NOTHING RETURNING id),
                        unreachable AS (
                            INSERT INTO notifications (kind, channel, person_id, center_id, subject_type, subject_id,
                                                       offset_key, status, last_error)
                            SELECT t.kind, 'HAND', t.person_id, t.center_id, 'enrolment', t.enrolment_id, t.offset_key,
                                   'HELD', ?
                            FROM targets t WHERE cardinality(t.preferred_channels) = 0
                            ON CONFLICT DO NOTHING RETURNING id),
                        recipient_copies AS (
                            INSERT INTO notifications (kind, channel, person_id, center_id, subject_type, subject_id,
                                                       offset_key)
                            SELECT t.kind, 'EMAIL', t.person_id, t.center_id, 'enrolment', t.enrolment_id,
                                   ? || t.offset_key
                            FROM targets t JOIN enrolments en ON en.id = t.enrolment_id
                            WHERE t.kind = 'RESULTS_AVAILABLE' AND en.result_recipient_email IS NOT NULL
                            ON CONFLICT DO NOTHING RETURNING id)
                        SELECT (SELECT count(*) FROM created) + (SELECT count(*) FROM unreachable)
                               + (SELECT count(*) FROM recipient_copies) AS n""",
                        CONSUMER, batch, CONSUMER, UNREACHABLE, RECIPIENT_COPY)
                .map(row -> Rows.integer(row, "n")).orElse(0);
    }

    /**
     * Reminders {@code days} before each session: for seat holders of scheduled sessions starting
     * within that many days from {@code now}, who were enrolled before the reminder point (a
     * reminder days after the convocation would be pointless). The offset key carries the session's
     * date ({@code J-7:2026-03-03}): a session moved to another day gets its own reminders, and
     * delivery cancels those of the old date. Returns how many were created.
     */
    int planReminders(DbExecute exec, Instant now, int days) {
        return exec.get("""
                        WITH created AS (
                            INSERT INTO notifications (kind, channel, person_id, center_id, subject_type, subject_id,
                                                       offset_key)
                            SELECT 'REMINDER', ch, en.person_id, en.center_id, 'enrolment', en.id,
                                   'J-' || CAST(? AS text) || ':' || s.local_date
                            FROM enrolments en
                            JOIN sessions s ON s.id = en.session_id
                            JOIN people p ON p.id = en.person_id
                            CROSS JOIN LATERAL unnest(p.preferred_channels) AS ch
                            WHERE en.status IN ('ENROLLED', 'CONVOKED') AND s.status = 'SCHEDULED'
                              AND s.starts_at > ? AND s.starts_at <= ? + make_interval(days => CAST(? AS integer))
                              AND en.created_at <= s.starts_at - make_interval(days => CAST(? AS integer))
                            ON CONFLICT DO NOTHING RETURNING id)
                        SELECT count(*) AS n FROM created""",
                        days, now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), days, days)
                .map(row -> Rows.integer(row, "n")).orElse(0);
    }

    /**
     * Tells invigilators of their new assignments (published plan or manual assignment): one
     * message per channel they have (e-mail, phone as SMS), or a HELD hand-over row. The unique
     * key makes the same assignment never announced twice. Returns how many were created.
     */
    int planAssignmentsFromEvents(DbExecute exec, int batch) {
        return exec.get("""
                        WITH ev AS (
                            SELECT e.id, e.aggregate_id FROM domain_events e
                            WHERE e.type = 'ASSIGNMENT_CREATED'
                              AND NOT EXISTS (SELECT 1 FROM event_consumptions c
                                              WHERE c.consumer = ? AND c.event_id = e.id)
                            ORDER BY e.id LIMIT ? FOR UPDATE OF e SKIP LOCKED),
                        consumed AS (INSERT INTO event_consumptions (consumer, event_id) SELECT ?, id FROM ev),
                        targets AS (
                            SELECT a.id AS assignment_id, i.id AS invigilator_id, i.center_id,
                                   array_remove(ARRAY[CASE WHEN i.email IS NOT NULL THEN 'EMAIL' END,
                                                      CASE WHEN i.phone IS NOT NULL THEN 'SMS' END], NULL) AS channels
                            FROM ev JOIN assignments a ON a.id = ev.aggregate_id
                            JOIN invigilators i ON i.id = a.invigilator_id
                            WHERE a.status <> 'DECLINED'),
                        created AS (
                            INSERT INTO notifications (kind, channel, invigilator_id, center_id, subject_type, subject_id)
                            SELECT 'INVIGILATOR_ASSIGNED', ch, t.invigilator_id, t.center_id, 'assignment', t.assignment_id
                            FROM targets t CROSS JOIN LATERAL unnest(t.channels) AS ch
                            ON CONFLICT DO NOTHING RETURNING id),
                        unreachable AS (
                            INSERT INTO notifications (kind, channel, invigilator_id, center_id, subject_type, subject_id,
                                                       status, last_error)
                            SELECT 'INVIGILATOR_ASSIGNED', 'HAND', t.invigilator_id, t.center_id, 'assignment',
                                   t.assignment_id, 'HELD', ?
                            FROM targets t WHERE cardinality(t.channels) = 0
                            ON CONFLICT DO NOTHING RETURNING id)
                        SELECT (SELECT count(*) FROM created) + (SELECT count(*) FROM unreachable) AS n""",
                        CONSUMER, batch, CONSUMER, UNREACHABLE_INVIGILATOR)
                .map(row -> Rows.integer(row, "n")).orElse(0);
    }

    /**
     * Invigilators' reminders {@code days} before each session they hold (published or confirmed),
     * if assigned before that point; the offset carries the date, as for candidates.
     */
    int planInvigilatorReminders(DbExecute exec, Instant now, int days) {
        return exec.get("""
                        WITH created AS (
                            INSERT INTO notifications (kind, channel, invigilator_id, center_id, subject_type, subject_id,
                                                       offset_key)
                            SELECT 'INVIGILATOR_REMINDER', ch, i.id, i.center_id, 'assignment', a.id,
                                   'J-' || CAST(? AS text) || ':' || s.local_date
                            FROM assignments a
                            JOIN sessions s ON s.id = a.session_id
                            JOIN invigilators i ON i.id = a.invigilator_id
                            CROSS JOIN LATERAL unnest(array_remove(ARRAY[CASE WHEN i.email IS NOT NULL THEN 'EMAIL' END,
                                                CASE WHEN i.phone IS NOT NULL THEN 'SMS' END], NULL)) AS ch
                            WHERE a.status IN ('PUBLISHED', 'CONFIRMED') AND s.status = 'SCHEDULED'
                              AND s.starts_at > ? AND s.starts_at <= ? + make_interval(days => CAST(? AS integer))
                              AND a.created_at <= s.starts_at - make_interval(days => CAST(? AS integer))
                            ON CONFLICT DO NOTHING RETURNING id)
                        SELECT count(*) AS n FROM created""",
                        days, now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), days, days)
                .map(row -> Rows.integer(row, "n")).orElse(0);
    }

    private static final String DUE_SELECT = """
            SELECT n.id, n.subject_id, n.kind, n.channel, n.offset_key, n.attempts, n.sent_at, n.next_attempt_at, en.status AS enrolment_status,
                   CASE WHEN n.offset_key LIKE 'recipient:%' THEN en.result_recipient_email ELSE p.email END AS email,
                   p.mobile_phone, p.first_name, p.birth_name,
                   concat_ws(E'\\n', p.address_line1, p.address_line2,
                             p.address_postal_code || ' ' || p.address_city) AS postal_address,
                   s.local_date, s.start_time, s.duration_minutes, s.starts_at, s.ends_at, s.status AS session_status,
                   si.id AS site_id, si.name AS site, r.name AS room,
                   si.address_line1 || ', ' || si.postal_code || ' ' || si.city AS site_address,
                   en.extra_time_percent, c.name AS centre, c.contact_phone, c.contact_email
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
            SELECT n.id, n.subject_id, n.kind, n.channel, n.offset_key, n.attempts, n.sent_at, n.next_attempt_at, a.status AS enrolment_status,
                   i.email, i.phone AS mobile_phone, i.first_name, i.last_name AS birth_name, NULL AS postal_address,
                   s.local_date, s.start_time, coalesce(s.duration_minutes, 0) AS duration_minutes, s.starts_at, s.ends_at, s.status AS session_status,
                   si.id AS site_id, si.name AS site, r.name AS room,
                   si.address_line1 || ', ' || si.postal_code || ' ' || si.city AS site_address,
                   NULL AS extra_time_percent, c.name AS centre, c.contact_phone, c.contact_email
            FROM notifications n
            JOIN invigilators i ON i.id = n.invigilator_id
            LEFT JOIN assignments a ON a.id = n.subject_id
            LEFT JOIN sessions s ON s.id = a.session_id
            LEFT JOIN sites si ON si.id = s.site_id
            LEFT JOIN rooms r ON r.id = s.room_id
            JOIN centers c ON c.id = n.center_id
            """;

    /**
     * Due notifications, locked for this transaction; others skip them. The rows are picked and
     * locked on the outbox alone (its partial index), then joined: sorting a join of every pending
     * row made each batch cost as much as the whole queue.
     */
    List<DueNotification> lockDue(DbExecute exec, int limit) {
        String fromDue = "FROM due JOIN notifications n ON n.id = due.id";
        return exec.query("WITH due AS (SELECT id, next_attempt_at FROM notifications "
                        + "WHERE status = 'PENDING' AND next_attempt_at <= now() "
                        + "ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                        + "SELECT * FROM (" + DUE_SELECT.replace("FROM notifications n", fromDue)
                        + " UNION ALL " + INVIGILATOR_DUE_SELECT.replace("FROM notifications n", fromDue)
                        + ") d ORDER BY d.next_attempt_at", limit)
                .map(NotificationRepository::due)
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
                .map(NotificationRepository::due)
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
                Rows.text(row, "enrolment_status"), Rows.text(row, "email"), Rows.text(row, "mobile_phone"),
                Rows.text(row, "first_name"), Rows.text(row, "birth_name"), Rows.text(row, "postal_address"),
                Rows.date(row, "local_date"), Rows.time(row, "start_time"), Rows.integer(row, "duration_minutes"),
                Rows.instant(row, "starts_at"), Rows.instant(row, "ends_at"), Rows.text(row, "session_status"),
                Rows.uuid(row, "site_id"), Rows.text(row, "site"), Rows.text(row, "room"), Rows.text(row, "site_address"),
                Rows.integer(row, "extra_time_percent"), Rows.text(row, "centre"), Rows.text(row, "contact_phone"),
                Rows.text(row, "contact_email"), Rows.instant(row, "sent_at"));
    }

    private static final String ENTRY_COLUMNS = "id, kind, channel, person_id, invigilator_id, center_id, subject_id, "
            + "offset_key, status, "
            + "attempts, next_attempt_at, last_error, created_at, sent_at";

    /** Newest first, in one centre (or all for null), optionally of one status. */
    List<OutboxEntry> list(DbExecute exec, UUID centerId, String status, int limit) {
        return exec.query("SELECT " + ENTRY_COLUMNS + " FROM notifications WHERE (CAST(? AS uuid) IS NULL OR center_id = ?) "
                        + "AND (CAST(? AS text) IS NULL OR status = ?) ORDER BY created_at DESC, id LIMIT ?",
                        centerId, centerId, status, status, limit)
                .map(NotificationRepository::entry)
                .toList();
    }

    Optional<OutboxEntry> find(DbExecute exec, UUID id) {
        return exec.get("SELECT " + ENTRY_COLUMNS + " FROM notifications WHERE id = ?", id).map(NotificationRepository::entry);
    }

    /** A failed notification goes back to the queue, with its attempts counted afresh. */
    void retry(DbExecute exec, UUID id) {
        exec.dml("UPDATE notifications SET status = 'PENDING', attempts = 0, next_attempt_at = now() "
                + "WHERE id = ? AND status = 'FAILED'", id);
    }

    private static OutboxEntry entry(DbRow row) {
        return new OutboxEntry(Rows.uuid(row, "id"), Rows.text(row, "kind"), Rows.text(row, "channel"), Rows.uuid(row, "person_id"),
                Rows.uuid(row, "invigilator_id"), Rows.uuid(row, "center_id"), Rows.uuid(row, "subject_id"), Rows.text(row, "offset_key"),
                Rows.text(row, "status"), Rows.integer(row, "attempts"), Rows.instant(row, "next_attempt_at"),
                Rows.text(row, "last_error"), Rows.instant(row, "created_at"), Rows.instant(row, "sent_at"));
    }

    void markSent(DbExecute exec, UUID id) {
        exec.dml("UPDATE notifications SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = NULL "
                + "WHERE id = ?", id);
    }

    void markCancelled(DbExecute exec, UUID id, String reason) {
        exec.dml("UPDATE notifications SET status = 'CANCELLED', last_error = ? WHERE id = ?", reason, id);
    }

    void markRetry(DbExecute exec, UUID id, Instant nextAttempt, String error) {
        exec.dml("UPDATE notifications SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
                nextAttempt.atOffset(ZoneOffset.UTC), error, id);
    }

    /** Not an attempt: the message simply waits (quiet hours). */
    void defer(DbExecute exec, UUID id, Instant until) {
        exec.dml("UPDATE notifications SET next_attempt_at = ? WHERE id = ?", until.atOffset(ZoneOffset.UTC), id);
    }

    void markFailed(DbExecute exec, UUID id, String error) {
        exec.dml("UPDATE notifications SET status = 'FAILED', attempts = attempts + 1, last_error = ? WHERE id = ?",
                error, id);
    }

    /**
     * Retention: delivery errors (they may quote an address or a provider's answer) of these
     * people's or invigilators' messages go; the rows stay, as a record of what was sent when.
     */
    int erase(DbExecute exec, List<UUID> personIds, List<UUID> invigilatorIds) {
        return (int) exec.dml("UPDATE notifications SET last_error = NULL WHERE (person_id = ANY(CAST(? AS uuid[])) "
                        + "OR invigilator_id = ANY(CAST(? AS uuid[]))) AND last_error IS NOT NULL",
                (Object) SqlArrays.of(personIds), (Object) SqlArrays.of(invigilatorIds));
    }
}
