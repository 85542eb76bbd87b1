package fr.jalon.platform.events;

import java.util.List;
import java.util.UUID;

import fr.jalon.platform.db.SqlFragment;
import fr.jalon.platform.http.JsonText;

import io.helidon.dbclient.DbExecute;
import jakarta.json.JsonObject;

/**
 * Facts that other features react to later (notifications, referral follow-up), written in the
 * same transaction as the change so that no fact is lost and none is invented by a rollback.
 */
public final class DomainEvents {

    public void record(DbExecute exec, String type, String aggregateType, UUID aggregateId, JsonObject payload) {
        exec.dml("INSERT INTO domain_events (type, aggregate_type, aggregate_id, payload) VALUES (?, ?, ?, CAST(? AS jsonb))",
                type, aggregateType, aggregateId, JsonText.write(payload));
    }

    /** The event INSERT for the rows of a CTE, to run inside the statement that makes the change. */
    public SqlFragment insertFor(String type, String aggregateType, String cte, String idColumn, JsonObject payload) {
        return SqlFragment.of("INSERT INTO domain_events (type, aggregate_type, aggregate_id, payload) "
                + "SELECT ?, ?, " + idColumn + ", CAST(? AS jsonb) FROM " + cte, type, aggregateType, JsonText.write(payload));
    }

    /** Many events of one type in one statement (imports). */
    public void recordMany(DbExecute exec, String type, String aggregateType, List<UUID> aggregateIds,
                           List<JsonObject> payloads) {
        if (aggregateIds.isEmpty()) {
            return;
        }
        exec.dml("INSERT INTO domain_events (type, aggregate_type, aggregate_id, payload) SELECT ?, ?, CAST(a AS uuid), "
                        + "CAST(p AS jsonb) FROM unnest(CAST(? AS text[]), CAST(? AS text[])) AS u(a, p)",
                type, aggregateType, aggregateIds.stream().map(UUID::toString).toArray(String[]::new),
                payloads.stream().map(JsonText::write).toArray(String[]::new));
    }
}
