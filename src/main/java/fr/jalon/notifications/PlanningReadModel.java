package fr.jalon.notifications;

import java.time.Instant;
import java.time.ZoneOffset;

import fr.jalon.platform.db.Rows;

import io.helidon.dbclient.DbExecute;

/**
 * Read model of the planning of messages: turns domain events and upcoming sessions into outbox
 * rows, each in one statement. Reads other features' tables — {@code domain_events},
 * {@code event_consumptions}, {@code enrolments}, {@code people}, {@code sessions},
 * {@code certification_results}, {@code assignments}, {@code invigilators} — and writes only
 * {@code notifications} and its own {@code event_consumptions}.
 */
final class PlanningReadModel {

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
                        NotificationRepository.CONSUMER, batch, NotificationRepository.CONSUMER,
                        NotificationRepository.UNREACHABLE, NotificationRepository.RECIPIENT_COPY)
                .map(row -> Rows.integer(row, "n")).orElse(0);
    }

    /**
     * Reminders {@code days} before each upcoming session, in one statement: for candidates
     * (seat holders convoked or enrolled, one per channel they use) and for invigilators (holding
     * a published or confirmed assignment, one per channel they have), each only if enrolled or
     * assigned before that point (a reminder right after the convocation would be pointless). The
     * offset key carries the session's date ({@code J-7:2026-03-03}): a session moved to another
     * day gets its own reminders, and delivery cancels those of the old date. Returns how many were
     * created.
     */
    int planReminders(DbExecute exec, Instant now, int days, boolean candidates, boolean invigilators) {
        return exec.get("""
                        WITH bounds AS (SELECT CAST(? AS timestamptz) AS now, CAST(? AS integer) AS days),
                        reminders AS (
                            SELECT 'REMINDER' AS kind, ch, en.person_id, CAST(NULL AS uuid) AS invigilator_id, en.center_id,
                                   'enrolment' AS subject_type, en.id AS subject_id, s.local_date
                            FROM bounds w CROSS JOIN enrolments en
                            JOIN sessions s ON s.id = en.session_id
                            JOIN people p ON p.id = en.person_id
                            CROSS JOIN LATERAL unnest(p.preferred_channels) AS ch
                            WHERE CAST(? AS boolean) AND en.status IN ('ENROLLED', 'CONVOKED')
                              AND en.created_at <= s.starts_at - make_interval(days => w.days)
                              AND s.status = 'SCHEDULED' AND s.starts_at > w.now
                              AND s.starts_at <= w.now + make_interval(days => w.days)
                            UNION ALL
                            SELECT 'INVIGILATOR_REMINDER', ch, NULL, i.id, i.center_id, 'assignment', a.id, s.local_date
                            FROM bounds w CROSS JOIN assignments a
                            JOIN sessions s ON s.id = a.session_id
                            JOIN invigilators i ON i.id = a.invigilator_id
                            CROSS JOIN LATERAL unnest(array_remove(ARRAY[CASE WHEN i.email IS NOT NULL THEN 'EMAIL' END,
                                                CASE WHEN i.phone IS NOT NULL THEN 'SMS' END], NULL)) AS ch
                            WHERE CAST(? AS boolean) AND a.status IN ('PUBLISHED', 'CONFIRMED')
                              AND a.created_at <= s.starts_at - make_interval(days => w.days)
                              AND s.status = 'SCHEDULED' AND s.starts_at > w.now
                              AND s.starts_at <= w.now + make_interval(days => w.days)),
                        created AS (
                            INSERT INTO notifications (kind, channel, person_id, invigilator_id, center_id, subject_type,
                                                       subject_id, offset_key)
                            SELECT r.kind, r.ch, r.person_id, r.invigilator_id, r.center_id, r.subject_type, r.subject_id,
                                   'J-' || CAST(w.days AS text) || ':' || r.local_date
                            FROM reminders r CROSS JOIN bounds w
                            ON CONFLICT DO NOTHING RETURNING id)
                        SELECT count(*) AS n FROM created""",
                        now.atOffset(ZoneOffset.UTC), days, candidates, invigilators)
                .map(row -> Rows.integer(row, "n")).orElse(0);
    }

    /**
     * Campaign messages to agents of local authorities (campaigns' {@code campaign_participants},
     * {@code campaigns}, {@code agents}): the invitation once the campaign is open, and one
     * reminder {@code days} after the invitation to whoever has not started — never after the
     * campaign's end, and only to agents with an e-mail address (the others hear from their HR).
     * The unique key makes each message planned once. Returns how many were created.
     */
    int planCampaignMessages(DbExecute exec, Instant now, int days) {
        return exec.get("""
                        WITH w AS (SELECT CAST(? AS timestamptz) AS now, CAST(? AS integer) AS days),
                        open AS (
                            SELECT p.agent_id, p.campaign_id, p.status, p.invited_at FROM w CROSS JOIN campaign_participants p
                            JOIN campaigns c ON c.id = p.campaign_id JOIN agents g ON g.id = p.agent_id
                            WHERE c.status = 'OPEN' AND c.ends_on >= CAST(w.now AT TIME ZONE 'Europe/Paris' AS date)
                              AND g.active AND g.email IS NOT NULL),
                        messages AS (
                            SELECT 'CAMPAIGN_INVITATION' AS kind, agent_id, campaign_id, '' AS offset_key FROM open
                            UNION ALL
                            SELECT 'CAMPAIGN_REMINDER', o.agent_id, o.campaign_id, 'J+' || CAST(w.days AS text)
                            FROM open o CROSS JOIN w
                            WHERE o.status = 'NOT_STARTED' AND o.invited_at <= w.now - make_interval(days => w.days)),
                        created AS (
                            INSERT INTO notifications (kind, channel, agent_id, subject_type, subject_id, offset_key)
                            SELECT kind, 'EMAIL', agent_id, 'campaign', campaign_id, offset_key FROM messages
                            ON CONFLICT (agent_id, kind, subject_id, offset_key, channel) WHERE agent_id IS NOT NULL
                            DO NOTHING RETURNING id)
                        SELECT count(*) AS n FROM created""", now.atOffset(ZoneOffset.UTC), days)
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
                        NotificationRepository.CONSUMER, batch, NotificationRepository.CONSUMER,
                        NotificationRepository.UNREACHABLE_INVIGILATOR)
                .map(row -> Rows.integer(row, "n")).orElse(0);
    }

}
