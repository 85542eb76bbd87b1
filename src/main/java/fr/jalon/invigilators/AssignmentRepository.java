package fr.jalon.invigilators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** SQL of assignments, with the sessions' place and time (a read model across features). */
final class AssignmentRepository {

    UUID insert(DbExecute exec, UUID sessionId, UUID invigilatorId, boolean locked) {
        return exec.get("INSERT INTO assignments (session_id, invigilator_id, locked) VALUES (?, ?, ?) RETURNING id",
                        sessionId, invigilatorId, locked)
                .map(row -> Rows.uuid(row, "id")).orElseThrow();
    }

    /** The assignments of several sessions at once (a plan's period), grouped by session. */
    Map<UUID, List<Assignment>> ofSessions(DbExecute exec, List<UUID> sessionIds) {
        Map<UUID, List<Assignment>> bySession = new HashMap<>();
        exec.query("""
                        SELECT a.id, a.session_id, a.invigilator_id, i.first_name || ' ' || i.last_name AS name, a.status,
                               a.locked
                        FROM assignments a JOIN invigilators i ON i.id = a.invigilator_id
                        WHERE a.session_id = ANY(CAST(? AS uuid[])) ORDER BY a.created_at, a.id""",
                        (Object) SqlArrays.of(sessionIds))
                .map(AssignmentRepository::entry)
                .forEach(e -> bySession.computeIfAbsent(e.sessionId(), k -> new ArrayList<>()).add(e));
        return bySession;
    }

    /**
     * Publishing a plan: the sessions' unlocked assignments the plan does not keep go (declines stay,
     * to be remembered); the ones it keeps stay untouched, so their holders hear nothing new.
     */
    void removeUnlockedExcept(DbExecute exec, List<UUID> sessionIds, List<UUID[]> kept) {
        exec.dml("""
                        DELETE FROM assignments a WHERE a.session_id = ANY(CAST(? AS uuid[])) AND NOT a.locked
                          AND a.status <> 'DECLINED'
                          AND NOT EXISTS (SELECT 1 FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[])) AS k(s, i)
                                          WHERE k.s = a.session_id AND k.i = a.invigilator_id)""",
                SqlArrays.of(sessionIds), sessionIds(kept), invigilatorIds(kept));
    }

    /** Inserts the (session, invigilator) pairs not assigned yet; returns the new assignments' ids. */
    List<UUID> insertAbsent(DbExecute exec, List<UUID[]> pairs) {
        return exec.query("""
                        INSERT INTO assignments (session_id, invigilator_id)
                        SELECT s, i FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[])) AS k(s, i)
                        ON CONFLICT (session_id, invigilator_id) DO NOTHING RETURNING id""",
                        sessionIds(pairs), invigilatorIds(pairs))
                .map(row -> Rows.uuid(row, "id")).toList();
    }

    private static String[] sessionIds(List<UUID[]> pairs) {
        return pairs.stream().map(p -> p[0].toString()).toArray(String[]::new);
    }

    private static String[] invigilatorIds(List<UUID[]> pairs) {
        return pairs.stream().map(p -> p[1].toString()).toArray(String[]::new);
    }

    List<Assignment> ofSession(DbExecute exec, UUID sessionId) {
        return exec.query("""
                        SELECT a.id, a.session_id, a.invigilator_id, i.first_name || ' ' || i.last_name AS name, a.status,
                               a.locked
                        FROM assignments a JOIN invigilators i ON i.id = a.invigilator_id
                        WHERE a.session_id = ? ORDER BY i.last_name, i.first_name""", sessionId)
                .map(AssignmentRepository::entry).toList();
    }

    Optional<Assignment> find(DbExecute exec, UUID id) {
        return exec.get("""
                        SELECT a.id, a.session_id, a.invigilator_id, i.first_name || ' ' || i.last_name AS name, a.status,
                               a.locked
                        FROM assignments a JOIN invigilators i ON i.id = a.invigilator_id WHERE a.id = ?""", id)
                .map(AssignmentRepository::entry);
    }

    /** Confirms or declines; returns false when the assignment is not this invigilator's. */
    boolean answer(DbExecute exec, UUID id, UUID invigilatorId, String status, String reason) {
        return exec.dml("UPDATE assignments SET status = ?, decline_reason = ? WHERE id = ? AND invigilator_id = ?",
                status, reason, id, invigilatorId) > 0;
    }

    void delete(DbExecute exec, UUID id) {
        exec.dml("DELETE FROM assignments WHERE id = ?", id);
    }

    private static Assignment entry(DbRow row) {
        return new Assignment(Rows.uuid(row, "id"), Rows.uuid(row, "session_id"), Rows.uuid(row, "invigilator_id"),
                Rows.text(row, "name"), Rows.text(row, "status"), Rows.bool(row, "locked"));
    }
}
