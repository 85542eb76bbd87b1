package fr.jalon.results;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;

import io.helidon.dbclient.DbExecute;

/**
 * Read model of the sessions a results file concerns: found by their Pix number and locked for
 * the import. Reads (and locks) the {@code sessions} table of the sessions feature; writes nothing.
 */
final class ResultSessionsReadModel {

    /** A session concerned by an import, as locked for it. */
    record SessionRow(UUID id, UUID centerId, Long pixNumber, String status) {
    }

    /** The sessions of a centre carrying these Pix numbers. */
    Map<Long, UUID> sessionsByPixNumber(DbExecute exec, UUID centerId, Collection<Long> numbers) {
        Map<Long, UUID> found = new HashMap<>();
        exec.query("SELECT id, pix_number FROM sessions WHERE center_id = ? AND pix_number = ANY(CAST(? AS bigint[]))",
                        centerId, numbers.stream().map(String::valueOf).toArray(String[]::new))
                .forEach(row -> found.put(Rows.longValue(row, "pix_number"), Rows.uuid(row, "id")));
        return found;
    }

    /** Locks the sessions (in id order, so two imports never deadlock) and returns them. */
    List<SessionRow> lockSessions(DbExecute exec, Collection<UUID> ids) {
        return exec.query("SELECT id, center_id, pix_number, status FROM sessions WHERE id = ANY(CAST(? AS uuid[])) "
                        + "ORDER BY id FOR UPDATE", (Object) SqlArrays.of(ids))
                .map(row -> new SessionRow(Rows.uuid(row, "id"), Rows.uuid(row, "center_id"),
                        Rows.longValue(row, "pix_number"), Rows.text(row, "status")))
                .toList();
    }
}
