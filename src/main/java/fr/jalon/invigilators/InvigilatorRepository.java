package fr.jalon.invigilators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.calendar.HalfDay;
import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** SQL of the invigilator pool. */
final class InvigilatorRepository {

    private static final String SELECT = """
            SELECT i.id, i.center_id, i.kind, i.first_name, i.last_name, i.email, i.phone, i.home_insee, i.trained_pix,
                   i.habilitations, i.max_per_week, i.max_per_month, i.weekly, i.active,
                   coalesce((SELECT array_agg(s.site_id::text ORDER BY s.site_id) FROM invigilator_sites s
                             WHERE s.invigilator_id = i.id), '{}') AS site_ids,
                   coalesce((SELECT array_agg(e.kind || '|' || e.from_date || '|' || e.to_date || '|' || coalesce(e.note, '')
                                              ORDER BY e.from_date, e.id)
                             FROM invigilator_exceptions e WHERE e.invigilator_id = i.id), '{}') AS exceptions
            FROM invigilators i""";

    UUID insert(DbExecute exec, Invigilator v) {
        UUID id = exec.get("""
                        INSERT INTO invigilators (center_id, kind, first_name, last_name, email, phone, home_insee, trained_pix,
                                                  habilitations, max_per_week, max_per_month, weekly)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS text[]), ?, ?, CAST(? AS text[])) RETURNING id""",
                        v.centerId(), v.kind().name(), v.firstName(), v.lastName(), v.email(), v.phone(), v.homeInsee(),
                        v.trainedPix(), SqlArrays.of(v.habilitations()), v.maxPerWeek(), v.maxPerMonth(),
                        SqlArrays.of(v.weekly()))
                .map(row -> Rows.uuid(row, "id")).orElseThrow();
        replaceSitesAndExceptions(exec, id, v);
        return id;
    }

    void update(DbExecute exec, UUID id, Invigilator v) {
        exec.dml("""
                UPDATE invigilators SET kind = ?, first_name = ?, last_name = ?, email = ?, phone = ?, home_insee = ?,
                       trained_pix = ?, habilitations = CAST(? AS text[]), max_per_week = ?, max_per_month = ?,
                       weekly = CAST(? AS text[]), active = ?, updated_at = now()
                WHERE id = ?""", v.kind().name(), v.firstName(), v.lastName(), v.email(), v.phone(), v.homeInsee(),
                v.trainedPix(), SqlArrays.of(v.habilitations()), v.maxPerWeek(), v.maxPerMonth(), SqlArrays.of(v.weekly()),
                v.active(), id);
        replaceSitesAndExceptions(exec, id, v);
    }

    private static void replaceSitesAndExceptions(DbExecute exec, UUID id, Invigilator v) {
        exec.dml("DELETE FROM invigilator_sites WHERE invigilator_id = ?", id);
        exec.dml("INSERT INTO invigilator_sites (invigilator_id, site_id) SELECT ?, unnest(CAST(? AS uuid[]))",
                id, SqlArrays.of(v.siteIds()));
        exec.dml("DELETE FROM invigilator_exceptions WHERE invigilator_id = ?", id);
        for (Invigilator.Exception e : v.exceptions()) {
            exec.dml("INSERT INTO invigilator_exceptions (invigilator_id, kind, from_date, to_date, note) VALUES (?, ?, ?, ?, ?)",
                    id, e.kind().name(), e.from(), e.to(), e.note());
        }
    }

    Optional<Invigilator> find(DbExecute exec, UUID id, boolean lock) {
        return exec.get(SELECT + " WHERE i.id = ?" + (lock ? " FOR UPDATE OF i" : ""), id)
                .map(InvigilatorRepository::invigilator);
    }

    List<Invigilator> ofCenter(DbExecute exec, UUID centerId, int limit) {
        return exec.query(SELECT + " WHERE i.center_id = ? ORDER BY i.last_name, i.first_name, i.id LIMIT ?", centerId, limit)
                .map(InvigilatorRepository::invigilator).toList();
    }

    /** Links an invigilator to their INVIGILATOR user account (or unlinks with null). */
    void linkUser(DbExecute exec, UUID id, UUID userId) {
        exec.dml("UPDATE invigilators SET user_id = ? WHERE id = ?", userId, id);
    }

    /** The invigilator record linked to a user account. */
    Optional<UUID> ofUser(DbExecute exec, UUID userId) {
        return exec.get("SELECT id FROM invigilators WHERE user_id = ?", userId).map(row -> Rows.uuid(row, "id"));
    }

    void setCalendarToken(DbExecute exec, UUID id, String hash) {
        exec.dml("UPDATE invigilators SET calendar_token_hash = ? WHERE id = ?", hash, id);
    }

    Optional<UUID> ofCalendarToken(DbExecute exec, String hash) {
        return exec.get("SELECT id FROM invigilators WHERE calendar_token_hash = ? AND active", hash)
                .map(row -> Rows.uuid(row, "id"));
    }

    private static Invigilator invigilator(DbRow row) {
        Set<Habilitation> habilitations = EnumSet.noneOf(Habilitation.class);
        Rows.textList(row, "habilitations").forEach(h -> habilitations.add(Habilitation.valueOf(h)));
        Set<HalfDay> weekly = EnumSet.noneOf(HalfDay.class);
        Rows.textList(row, "weekly").forEach(h -> weekly.add(HalfDay.valueOf(h)));
        List<Invigilator.Exception> exceptions = new ArrayList<>();
        for (String text : Rows.textList(row, "exceptions")) {
            String[] parts = text.split("\\|", 4);
            exceptions.add(new Invigilator.Exception(Invigilator.ExceptionKind.valueOf(parts[0]),
                    LocalDate.parse(parts[1]), LocalDate.parse(parts[2]),
                    parts[3].isEmpty() ? null : parts[3]));
        }
        return new Invigilator(Rows.uuid(row, "id"), Rows.uuid(row, "center_id"),
                Invigilator.Kind.valueOf(Rows.text(row, "kind")), Rows.text(row, "first_name"), Rows.text(row, "last_name"),
                Rows.text(row, "email"), Rows.text(row, "phone"), Rows.text(row, "home_insee"), Rows.bool(row, "trained_pix"),
                habilitations, Rows.integer(row, "max_per_week"), Rows.integer(row, "max_per_month"),
                Rows.textList(row, "site_ids").stream().map(UUID::fromString).toList(), weekly, exceptions,
                Rows.bool(row, "active"));
    }

    /**
     * Retention: invigilators neither changed nor assigned to a session ending within
     * {@code months} months lose their name, contact, calendar address and notes, and leave the
     * pool; draft and published plans older than the limit (they name invigilators) go. Returns
     * the ids anonymised.
     */
    List<UUID> anonymiseInactive(DbExecute exec, int months) {
        List<UUID> ids = exec.query("""
                        WITH limits AS (SELECT now() - make_interval(months => CAST(? AS integer)) AS cutoff)
                        UPDATE invigilators v SET first_name = 'ANONYME', last_name = 'ANONYME', email = NULL, phone = NULL,
                            calendar_token_hash = NULL, active = false, anonymised_at = now()
                        FROM limits
                        WHERE v.anonymised_at IS NULL AND v.updated_at < limits.cutoff AND v.created_at < limits.cutoff
                          AND NOT EXISTS (SELECT 1 FROM assignments a JOIN sessions s ON s.id = a.session_id
                                          WHERE a.invigilator_id = v.id AND s.ends_at > limits.cutoff)
                        RETURNING v.id""", months)
                .map(row -> Rows.uuid(row, "id")).toList();
        if (!ids.isEmpty()) {
            Object array = SqlArrays.of(ids);
            exec.dml("UPDATE invigilator_exceptions SET note = NULL WHERE invigilator_id = ANY(CAST(? AS uuid[]))", array);
            exec.dml("UPDATE assignments SET decline_reason = NULL WHERE invigilator_id = ANY(CAST(? AS uuid[]))", array);
        }
        exec.dml("DELETE FROM assignment_plans WHERE created_at < now() - make_interval(months => CAST(? AS integer))",
                months);
        return ids;
    }

    /** The user accounts of these invigilators (to disable with them). */
    List<UUID> usersOf(DbExecute exec, List<UUID> invigilatorIds) {
        return exec.query("SELECT user_id FROM invigilators WHERE id = ANY(CAST(? AS uuid[])) AND user_id IS NOT NULL",
                        (Object) SqlArrays.of(invigilatorIds))
                .map(row -> Rows.uuid(row, "user_id")).toList();
    }
}
