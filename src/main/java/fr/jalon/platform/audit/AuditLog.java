package fr.jalon.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlFragment;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Principal;

import io.helidon.dbclient.DbExecute;

/**
 * The append-only audit trail: who did what to which record, and when. Writes are recorded in
 * the transaction of the change itself; reads of personal data are recorded as they are served.
 * The table refuses UPDATE and DELETE (trigger in V1).
 */
public final class AuditLog {

    /** One audit entry. {@code action} is a stable dotted name such as {@code session.create}. */
    public record Entry(long id, Instant at, UUID actorUserId, String actorRole, String action,
                        String recordType, String recordId, String details) {
    }

    public void record(DbExecute exec, Principal actor, String action, String recordType, Object recordId) {
        exec.dml("INSERT INTO audit_log (actor_user_id, actor_role, action, record_type, record_id) VALUES (?, ?, ?, ?, ?)",
                actor == null ? null : actor.userId(),
                actor == null ? "SYSTEM" : actor.role().name(),
                action, recordType, String.valueOf(recordId));
    }

    /**
     * The audit INSERT for the rows of a CTE, to run inside the statement that makes the change
     * (one round trip on hot paths). {@code idColumn} names the record id in that CTE.
     */
    public SqlFragment insertFor(Principal actor, String action, String recordType, String cte, String idColumn) {
        return SqlFragment.of("INSERT INTO audit_log (actor_user_id, actor_role, action, record_type, record_id) "
                        + "SELECT CAST(? AS uuid), ?, ?, ?, CAST(" + idColumn + " AS text) FROM " + cte,
                actor == null ? null : actor.userId(), actor == null ? "SYSTEM" : actor.role().name(), action, recordType);
    }

    /**
     * An action on many records summed up by counts (a retention purge: how many rows of what were
     * cleared), in {@code details}; never the values themselves.
     */
    public void recordCounts(DbExecute exec, Principal actor, String action, String recordType,
                             Map<String, Integer> counts) {
        var details = Jsons.createObjectBuilder();
        counts.forEach(details::add);
        exec.dml("INSERT INTO audit_log (actor_user_id, actor_role, action, record_type, record_id, details) "
                        + "VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))",
                actor == null ? null : actor.userId(), actor == null ? "SYSTEM" : actor.role().name(), action, recordType,
                "*", details.build().toString());
    }

    /** Many records of one action in one statement (imports). */
    public void recordMany(DbExecute exec, Principal actor, String action, String recordType, List<String> recordIds) {
        if (recordIds.isEmpty()) {
            return;
        }
        exec.dml("INSERT INTO audit_log (actor_user_id, actor_role, action, record_type, record_id) "
                        + "SELECT ?, ?, ?, ?, r FROM unnest(CAST(? AS text[])) AS r",
                actor == null ? null : actor.userId(), actor == null ? "SYSTEM" : actor.role().name(), action, recordType,
                recordIds.toArray(String[]::new));
    }

    /** Newest first; {@code beforeId} is the keyset cursor. */
    public List<Entry> list(DbExecute exec, String recordType, String recordId, UUID actor, long beforeId, int limit) {
        return exec.query("""
                        SELECT id, at, actor_user_id, actor_role, action, record_type, record_id, details::text AS details
                        FROM audit_log
                        WHERE id < ? AND (CAST(? AS text) IS NULL OR record_type = ?)
                          AND (CAST(? AS text) IS NULL OR record_id = ?)
                          AND (CAST(? AS uuid) IS NULL OR actor_user_id = ?)
                        ORDER BY id DESC LIMIT ?""",
                        beforeId, recordType, recordType, recordId, recordId, actor, actor, limit)
                .map(row -> new Entry(Rows.longValue(row, "id"), Rows.instant(row, "at"),
                        Rows.uuid(row, "actor_user_id"), Rows.text(row, "actor_role"), Rows.text(row, "action"),
                        Rows.text(row, "record_type"), Rows.text(row, "record_id"), Rows.text(row, "details")))
                .toList();
    }
}
