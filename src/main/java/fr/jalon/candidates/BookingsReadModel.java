package fr.jalon.candidates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.jalon.platform.db.Rows;

import io.helidon.dbclient.DbExecute;

/**
 * Read model of people's bookings: their enrolments with the sessions' times, for overlap
 * checks. Reads the {@code sessions} table of the sessions feature beside {@code enrolments}; writes
 * nothing.
 */
final class BookingsReadModel {

    /** An existing booking of a person: which session, when. */
    record Booking(UUID personId, UUID sessionId, Instant startsAt, Instant endsAt) {
    }

    /** Active enrolments of these people in sessions overlapping anything: (person, start, end) for imports. */
    List<Booking> bookingsOf(DbExecute exec, List<UUID> personIds) {
        return exec.query("""
                        SELECT e.person_id, e.session_id, s.starts_at, s.ends_at FROM enrolments e
                        JOIN sessions s ON s.id = e.session_id
                        WHERE e.person_id = ANY(CAST(? AS uuid[])) AND e.status <> 'CANCELLED' AND s.status <> 'CANCELLED'""",
                        (Object) EnrolmentRepository.uuids(personIds))
                .map(row -> new Booking(Rows.uuid(row, "person_id"), Rows.uuid(row, "session_id"),
                        Rows.instant(row, "starts_at"), Rows.instant(row, "ends_at")))
                .toList();
    }
}
