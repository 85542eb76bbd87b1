package fr.jalon.candidates;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import fr.jalon.platform.db.Rows;

import io.helidon.dbclient.DbExecute;

/**
 * Read model of people's bookings: their enrolments with the sessions' times, for overlap
 * checks (a person in two sessions at once, a session moved onto its candidates' other
 * ones). Reads the {@code sessions} table of the sessions feature beside {@code enrolments}; writes
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

    /** Why a person cannot take a session: already in it, or in another one at the same time. */
    enum Conflict { NONE, SAME_SESSION, OVERLAPPING_SESSION }

    /** One query for both checks: an active enrolment in this session, or in an overlapping one. */
    Conflict conflictFor(DbExecute exec, UUID personId, UUID sessionId, Instant start, Instant end) {
        return exec.get("""
                        SELECT bool_or(e.session_id = ?) AS same, count(*) > 0 AS any FROM enrolments e
                        JOIN sessions s ON s.id = e.session_id
                        WHERE e.person_id = ? AND e.status <> 'CANCELLED'
                          AND (e.session_id = ? OR (s.status <> 'CANCELLED'
                               AND tstzrange(s.starts_at, s.ends_at) && tstzrange(?, ?)))""",
                        sessionId, personId, sessionId, start.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC))
                .map(row -> Rows.bool(row, "same") ? Conflict.SAME_SESSION
                        : Rows.bool(row, "any") ? Conflict.OVERLAPPING_SESSION : Conflict.NONE)
                .orElse(Conflict.NONE);
    }

    /** How many people of this session hold another enrolment overlapping [start, end). */
    long peopleBusyDuring(DbExecute exec, UUID sessionId, Instant start, Instant end) {
        return exec.get("""
                        SELECT count(DISTINCT e.person_id) AS n FROM enrolments e
                        JOIN enrolments o ON o.person_id = e.person_id AND o.session_id <> e.session_id AND o.status <> 'CANCELLED'
                        JOIN sessions s ON s.id = o.session_id AND s.status <> 'CANCELLED'
                        WHERE e.session_id = ? AND e.status <> 'CANCELLED'
                          AND tstzrange(s.starts_at, s.ends_at) && tstzrange(?, ?)""",
                        sessionId, start.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC))
                .map(row -> Rows.longValue(row, "n")).orElse(0L);
    }
}
