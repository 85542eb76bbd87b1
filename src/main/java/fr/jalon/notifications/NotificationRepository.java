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

    /*
     * The outcomes of a claimed row: each applies only while this instance still holds the row's
     * lease (SENDING, owner); they return whether it did, and release the lease.
     */
    private static final String HELD = " WHERE id = ? AND status = 'SENDING' AND lease_owner = ?";
    private static final String RELEASED = ", lease_until = NULL, lease_owner = NULL";

    boolean markSent(DbExecute exec, UUID id, String owner) {
        return exec.dml("UPDATE notifications SET status = 'SENT', sent_at = now(), attempts = attempts + 1, "
                + "last_error = NULL" + RELEASED + HELD, id, owner) == 1;
    }

    boolean markCancelled(DbExecute exec, UUID id, String owner, String reason) {
        return exec.dml("UPDATE notifications SET status = 'CANCELLED', last_error = ?" + RELEASED + HELD, reason, id,
                owner) == 1;
    }

    boolean markRetry(DbExecute exec, UUID id, String owner, Instant nextAttempt, String error) {
        return exec.dml("UPDATE notifications SET status = 'PENDING', attempts = attempts + 1, next_attempt_at = ?, "
                + "last_error = ?" + RELEASED + HELD, nextAttempt.atOffset(ZoneOffset.UTC), error, id, owner) == 1;
    }

    boolean defer(DbExecute exec, UUID id, String owner, Instant until) {
        return exec.dml("UPDATE notifications SET status = 'PENDING', next_attempt_at = ?" + RELEASED + HELD,
                until.atOffset(ZoneOffset.UTC), id, owner) == 1;
    }

    boolean markFailed(DbExecute exec, UUID id, String owner, String error) {
        return exec.dml("UPDATE notifications SET status = 'FAILED', attempts = attempts + 1, last_error = ?" + RELEASED
                + HELD, error, id, owner) == 1;
    }

    /** The outbox for monitoring: due messages and the oldest one's age, messages being sent, failures. */
    record OutboxState(long due, double oldestDueSeconds, long sending, long failed) {
    }

    OutboxState outboxState(DbExecute exec) {
        return exec.get("""
                        SELECT count(*) FILTER (WHERE status = 'PENDING' AND next_attempt_at <= now()) AS due,
                               coalesce(extract(epoch FROM now() - min(next_attempt_at)
                                   FILTER (WHERE status = 'PENDING' AND next_attempt_at <= now())), 0) AS oldest,
                               count(*) FILTER (WHERE status = 'SENDING') AS sending,
                               count(*) FILTER (WHERE status = 'FAILED') AS failed
                        FROM notifications WHERE status IN ('PENDING', 'SENDING', 'FAILED')""")
                .map(row -> new OutboxState(row.column("due").get(Long.class), row.column("oldest").get(Number.class)
                        .doubleValue(), row.column("sending").get(Long.class), row.column("failed").get(Long.class)))
                .orElseThrow();
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
