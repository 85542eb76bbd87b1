package fr.jalon.sessions;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** SQL for sessions. Reads join the site and room names for display. */
final class SessionRepository {

    private static final String COLUMNS = """
            se.id, se.center_id, se.site_id, si.name AS site_name, se.room_id, r.name AS room_name, se.local_date,
            se.start_time, se.time_zone, se.duration_minutes, se.capacity, se.description, se.certification_type,
            se.access_code, se.invigilator_password, se.status, se.cancellation_reason, se.seats_taken, se.pix_number,
            se.declared_invigilators, se.created_at, se.updated_at""";
    private static final String FROM = " FROM sessions se JOIN sites si ON si.id = se.site_id JOIN rooms r ON r.id = se.room_id ";

    /** Inserts unless the access code is taken by another open session; empty means "draw another code". */
    Optional<UUID> insert(DbExecute exec, UUID centerId, UUID siteId, UUID roomId, SessionSlot slot, int capacity,
                          String description, String certificationType, String accessCode, String password) {
        return exec.get("""
                        INSERT INTO sessions (center_id, site_id, room_id, local_date, start_time, time_zone,
                            duration_minutes, starts_at, ends_at, capacity, description, certification_type,
                            access_code, invigilator_password, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED')
                        ON CONFLICT (access_code) WHERE status = 'SCHEDULED' DO NOTHING
                        RETURNING id""",
                        centerId, siteId, roomId, slot.date(), slot.startTime(), slot.zone().getId(),
                        slot.durationMinutes(), slot.startsAt().atOffset(ZoneOffset.UTC),
                        slot.endsAt().atOffset(ZoneOffset.UTC), capacity, description, certificationType, accessCode,
                        password)
                .map(row -> Rows.uuid(row, "id"));
    }

    Optional<CertificationSession> find(DbExecute exec, UUID id) {
        return exec.get("SELECT " + COLUMNS + FROM + "WHERE se.id = ?", id).map(SessionRepository::session);
    }

    /** The session, locked until the end of the transaction (concurrent PATCH and cancel wait). */
    Optional<CertificationSession> lock(DbExecute exec, UUID id) {
        return exec.get("SELECT " + COLUMNS + FROM + "WHERE se.id = ? FOR UPDATE OF se", id).map(SessionRepository::session);
    }

    void update(DbExecute exec, UUID id, UUID siteId, UUID roomId, SessionSlot slot, int capacity, String description) {
        exec.dml("""
                        UPDATE sessions SET site_id = ?, room_id = ?, local_date = ?, start_time = ?, duration_minutes = ?,
                            starts_at = ?, ends_at = ?, capacity = ?, description = ?, updated_at = now()
                        WHERE id = ?""",
                siteId, roomId, slot.date(), slot.startTime(), slot.durationMinutes(),
                slot.startsAt().atOffset(ZoneOffset.UTC), slot.endsAt().atOffset(ZoneOffset.UTC), capacity,
                description, id);
    }

    void cancel(DbExecute exec, UUID id, String reason) {
        exec.dml("UPDATE sessions SET status = 'CANCELLED', cancellation_reason = ?, cancelled_at = now(), "
                + "updated_at = now() WHERE id = ?", reason, id);
    }

    /** Open sessions of the room overlapping the slot, other than {@code exceptId}. */
    List<CertificationSession> overlapping(DbExecute exec, UUID roomId, SessionSlot slot, UUID exceptId) {
        return exec.query("SELECT " + COLUMNS + FROM + """
                        WHERE se.room_id = ? AND se.status <> 'CANCELLED' AND se.id IS DISTINCT FROM ?
                          AND tstzrange(se.starts_at, se.ends_at) && tstzrange(?, ?)
                        ORDER BY se.starts_at""",
                        roomId, exceptId, slot.startsAt().atOffset(ZoneOffset.UTC), slot.endsAt().atOffset(ZoneOffset.UTC))
                .map(SessionRepository::session)
                .toList();
    }

    /**
     * One page in (date, start time, id) order. Only the given criteria become conditions, so the
     * planner can use the (center, date, time, id) index instead of a generic "? IS NULL OR" plan.
     */
    List<CertificationSession> list(DbExecute exec, SessionCriteria c, SessionCursor after, int limit) {
        StringBuilder where = new StringBuilder("WHERE true");
        List<Object> params = new ArrayList<>();
        condition(where, params, " AND se.center_id = ?", c.centerId());
        condition(where, params, " AND se.local_date >= ?", c.from());
        condition(where, params, " AND se.local_date <= ?", c.to());
        condition(where, params, " AND se.site_id = ?", c.siteId());
        condition(where, params, " AND se.status = ?", c.status() == null ? null : c.status().name());
        if (after != null) {
            where.append(" AND (se.local_date, se.start_time, se.id) > (?, ?, ?)");
            params.addAll(List.of(after.date(), after.time(), after.id()));
        }
        params.add(limit);
        return exec.query("SELECT " + COLUMNS + FROM + where + " ORDER BY se.local_date, se.start_time, se.id LIMIT ?",
                        params.toArray())
                .map(SessionRepository::session)
                .toList();
    }

    private static void condition(StringBuilder where, List<Object> params, String clause, Object value) {
        if (value != null) {
            where.append(clause);
            params.add(value);
        }
    }

    /**
     * Locks an open session (scheduled, not started) and takes a seat if one is free, in one
     * statement; {@code seated} says whether it did. Empty if the session is not open.
     */
    Optional<SeatClaim> claimSeat(DbExecute exec, UUID id) {
        return exec.get("""
                        WITH s AS (SELECT id, seats_taken < capacity AS free FROM sessions
                                   WHERE id = ? AND status = 'SCHEDULED' AND starts_at > now() FOR UPDATE)
                        UPDATE sessions se SET seats_taken = se.seats_taken + CASE WHEN s.free THEN 1 ELSE 0 END
                        FROM s WHERE se.id = s.id
                        RETURNING se.id, se.center_id, se.starts_at, se.ends_at, s.free AS seated""", id)
                .map(row -> new SeatClaim(Rows.uuid(row, "id"), Rows.uuid(row, "center_id"),
                        Rows.instant(row, "starts_at"), Rows.instant(row, "ends_at"), Rows.bool(row, "seated")));
    }

    /** Takes {@code count} seats if they are free; false leaves the session unchanged. */
    boolean takeSeats(DbExecute exec, UUID id, int count) {
        return exec.dml("UPDATE sessions SET seats_taken = seats_taken + ? WHERE id = ? AND status = 'SCHEDULED' "
                + "AND seats_taken + ? <= capacity", count, id, count) == 1;
    }

    void releaseSeat(DbExecute exec, UUID id) {
        exec.dml("UPDATE sessions SET seats_taken = seats_taken - 1 WHERE id = ? AND seats_taken > 0", id);
    }

    void setImportDetails(DbExecute exec, UUID id, Long pixNumber, String declaredInvigilators) {
        exec.dml("UPDATE sessions SET pix_number = coalesce(pix_number, ?), "
                + "declared_invigilators = coalesce(declared_invigilators, ?), updated_at = now() WHERE id = ? "
                + "AND ((pix_number IS NULL AND CAST(? AS bigint) IS NOT NULL) "
                + "OR (declared_invigilators IS NULL AND CAST(? AS text) IS NOT NULL))",
                pixNumber, declaredInvigilators, id, pixNumber, declaredInvigilators);
    }

    int largestUpcomingCapacity(DbExecute exec, UUID roomId) {
        return exec.get("SELECT coalesce(max(capacity), 0) AS seats FROM sessions "
                        + "WHERE room_id = ? AND status = 'SCHEDULED' AND ends_at > now()", roomId)
                .map(row -> Rows.integer(row, "seats")).orElse(0);
    }

    private static CertificationSession session(DbRow row) {
        SessionSlot slot = new SessionSlot(Rows.date(row, "local_date"), Rows.time(row, "start_time"),
                Rows.integer(row, "duration_minutes"), ZoneId.of(Rows.text(row, "time_zone")));
        return new CertificationSession(Rows.uuid(row, "id"), Rows.uuid(row, "center_id"), Rows.uuid(row, "site_id"),
                Rows.text(row, "site_name"), Rows.uuid(row, "room_id"), Rows.text(row, "room_name"), slot,
                Rows.integer(row, "capacity"), Rows.text(row, "description"), Rows.text(row, "certification_type"),
                Rows.text(row, "access_code"), Rows.text(row, "invigilator_password"),
                SessionStatus.valueOf(Rows.text(row, "status")), Rows.text(row, "cancellation_reason"),
                Rows.integer(row, "seats_taken"), Rows.longValue(row, "pix_number"),
                Rows.text(row, "declared_invigilators"), Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"));
    }

    boolean advance(DbExecute exec, UUID id, SessionStatus from, SessionStatus to) {
        return exec.dml("UPDATE sessions SET status = ?, updated_at = now() WHERE id = ? AND status = ?",
                to.name(), id, from.name()) == 1;
    }

    int advanceAll(DbExecute exec, List<UUID> ids, SessionStatus from, SessionStatus to) {
        return (int) exec.dml("UPDATE sessions SET status = ?, updated_at = now() WHERE id = ANY(CAST(? AS uuid[])) AND status = ?",
                to.name(), SqlArrays.of(ids), from.name());
    }

    /** Retention: invigilators' names declared in Pix files go from sessions ended more than {@code months} months ago. */
    int forgetDeclaredInvigilators(DbExecute exec, int months) {
        return (int) exec.dml("UPDATE sessions SET declared_invigilators = NULL WHERE declared_invigilators IS NOT NULL "
                + "AND ends_at < now() - make_interval(months => CAST(? AS integer))", months);
    }
}
