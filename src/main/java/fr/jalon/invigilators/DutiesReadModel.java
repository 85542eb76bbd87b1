package fr.jalon.invigilators;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.jalon.platform.db.Rows;

import io.helidon.dbclient.DbExecute;

/**
 * Read model of an invigilator's duties: the sessions they hold, with site and room. Reads
 * other features' tables — {@code sessions} (sessions), {@code sites}, {@code rooms} (centers) —
 * beside {@code assignments}; writes nothing.
 */
final class DutiesReadModel {

    /** The sessions an invigilator holds (not declined, not cancelled) between two dates, for the rules. */
    List<Duty> dutiesOf(DbExecute exec, UUID invigilatorId, LocalDate from, LocalDate to) {
        return exec.query("""
                        SELECT s.id, s.site_id, s.local_date, s.starts_at, s.ends_at FROM assignments a
                        JOIN sessions s ON s.id = a.session_id
                        WHERE a.invigilator_id = ? AND a.status <> 'DECLINED' AND s.status <> 'CANCELLED'
                          AND s.local_date BETWEEN ? AND ?""", invigilatorId, from, to)
                .map(row -> new Duty(Rows.uuid(row, "id"), Rows.uuid(row, "site_id"), Rows.date(row, "local_date"),
                        Rows.instant(row, "starts_at"), Rows.instant(row, "ends_at")))
                .toList();
    }

    List<MyAssignment> upcomingOf(DbExecute exec, UUID invigilatorId) {
        return exec.query("""
                        SELECT a.id, s.id AS session_id, s.local_date, s.start_time, s.starts_at, s.ends_at,
                               si.name AS site, r.name AS room,
                               si.address_line1 || ', ' || si.postal_code || ' ' || si.city AS address, a.status
                        FROM assignments a JOIN sessions s ON s.id = a.session_id JOIN sites si ON si.id = s.site_id
                        JOIN rooms r ON r.id = s.room_id
                        WHERE a.invigilator_id = ? AND s.status = 'SCHEDULED' AND s.ends_at > now()
                        ORDER BY s.starts_at""", invigilatorId)
                .map(row -> new MyAssignment(Rows.uuid(row, "id"), Rows.uuid(row, "session_id"), Rows.date(row, "local_date"),
                        Rows.time(row, "start_time"), Rows.instant(row, "starts_at"), Rows.instant(row, "ends_at"),
                        Rows.text(row, "site"), Rows.text(row, "room"),
                        Rows.text(row, "address"), Rows.text(row, "status")))
                .toList();
    }
}
