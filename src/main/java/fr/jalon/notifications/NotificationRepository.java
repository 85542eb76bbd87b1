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
 * SQL of the outbox table itself: staff's list, retries, delivery outcomes, retention. Planning
 * ({@link PlanningReadModel}) and the messages due ({@link ConvocationReadModel}) read other
 * features' tables and are named read models.
 */
final class NotificationRepository {

    static final String CONSUMER = "notifications";
    static final String UNREACHABLE = "Aucun canal utilisable (ni e-mail, ni mobile, ni adresse) : message à remettre "
            + "en main propre ou via le conseiller.";
    /** Offset prefix of the copy of a message sent to the candidate's result recipient (e-mail only). */
    static final String RECIPIENT_COPY = "recipient:";
    static final String UNREACHABLE_INVIGILATOR = "Surveillant sans e-mail ni téléphone : à prévenir directement.";

    private static final String ENTRY_COLUMNS = "id, kind, channel, person_id, invigilator_id, agent_id, center_id, subject_id, "
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
                Rows.uuid(row, "invigilator_id"), Rows.uuid(row, "agent_id"), Rows.uuid(row, "center_id"), Rows.uuid(row, "subject_id"), Rows.text(row, "offset_key"),
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
    int erase(DbExecute exec, List<UUID> personIds, List<UUID> invigilatorIds, List<UUID> agentIds) {
        return (int) exec.dml("UPDATE notifications SET last_error = NULL WHERE (person_id = ANY(CAST(? AS uuid[])) "
                        + "OR invigilator_id = ANY(CAST(? AS uuid[])) OR agent_id = ANY(CAST(? AS uuid[]))) "
                        + "AND last_error IS NOT NULL",
                SqlArrays.of(personIds), SqlArrays.of(invigilatorIds), SqlArrays.of(agentIds));
    }
}
