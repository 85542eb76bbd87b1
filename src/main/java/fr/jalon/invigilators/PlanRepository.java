package fr.jalon.invigilators;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.db.Rows;
import fr.jalon.platform.json.Jsons;

import io.helidon.dbclient.DbExecute;
import jakarta.json.JsonObject;

/** SQL of draft plans and of their publication. */
final class PlanRepository {

    /** A stored draft. */
    record Draft(UUID centerId, JsonObject plan, Instant publishedAt) {
    }

    UUID insert(DbExecute exec, UUID centerId, LocalDate from, LocalDate to, String score, JsonObject plan) {
        return exec.get("INSERT INTO assignment_plans (center_id, from_date, to_date, score, plan) "
                        + "VALUES (?, ?, ?, ?, CAST(? AS jsonb)) RETURNING id", centerId, from, to, score, plan.toString())
                .map(row -> Rows.uuid(row, "id")).orElseThrow();
    }

    Optional<Draft> lock(DbExecute exec, UUID id) {
        return exec.get("SELECT center_id, plan::text AS plan, published_at FROM assignment_plans WHERE id = ? FOR UPDATE", id)
                .map(row -> new Draft(Rows.uuid(row, "center_id"),
                        Jsons.createReader(new StringReader(Rows.text(row, "plan"))).readObject(),
                        Rows.instant(row, "published_at")));
    }

    void markPublished(DbExecute exec, UUID id) {
        exec.dml("UPDATE assignment_plans SET published_at = now() WHERE id = ?", id);
    }
}
