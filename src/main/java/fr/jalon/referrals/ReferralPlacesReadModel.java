package fr.jalon.referrals;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;

import io.helidon.dbclient.DbExecute;

/**
 * Read model of the places and sessions a referral can lead to: which codes are communes or
 * EPCIs, whether a centre has a site the person can reach, the centre's upcoming sessions with a
 * free seat, where and when a referred person is convoked. Reads other features' tables —
 * {@code communes}, {@code epcis} (territory), {@code centers}, {@code sites}, {@code rooms}
 * (centers), {@code sessions} (sessions) — and writes nothing.
 */
final class ReferralPlacesReadModel {

    /** Of the given codes, those that are neither a current commune nor an EPCI's SIREN. */
    List<String> unknownPlaces(DbExecute exec, List<String> communes, List<String> epcis) {
        return exec.query("""
                        SELECT code FROM unnest(CAST(? AS text[])) AS code
                        WHERE NOT EXISTS (SELECT 1 FROM communes c WHERE c.code_insee = code AND c.type = 'commune-actuelle')
                        UNION ALL
                        SELECT siren FROM unnest(CAST(? AS text[])) AS siren
                        WHERE NOT EXISTS (SELECT 1 FROM epcis e WHERE e.siren = siren)""",
                        (Object) SqlArrays.of(communes), (Object) SqlArrays.of(epcis))
                .map(row -> Rows.text(row, "code")).toList();
    }

    /** Whether some site of the centre lies in the communes or EPCIs the person can reach. */
    boolean reachable(DbExecute exec, UUID centerId, List<String> communes, List<String> epcis) {
        return exec.get("""
                        SELECT EXISTS (SELECT 1 FROM sites s
                                       LEFT JOIN communes c ON c.code_insee = s.commune_insee AND c.type = 'commune-actuelle'
                                       WHERE s.center_id = ? AND (s.commune_insee = ANY(CAST(? AS text[]))
                                             OR c.epci_siren = ANY(CAST(? AS text[])))) AS ok""",
                        centerId, (Object) SqlArrays.of(communes), (Object) SqlArrays.of(epcis))
                .map(row -> Rows.bool(row, "ok")).orElse(false);
    }

    /** Where and when the session of this enrolment takes place, while it is scheduled. */
    Optional<Convocation> convocation(DbExecute exec, UUID sessionId, String personName) {
        return exec.get("""
                        SELECT s.local_date, s.start_time, (s.starts_at + s.duration_minutes * interval '1 minute')
                                   AT TIME ZONE s.time_zone AS ends, c.name AS centre, c.contact_phone, c.contact_email,
                               si.name AS site, si.address_line1, si.address_line2, si.postal_code, si.city,
                               si.accessibility_info
                        FROM sessions s JOIN sites si ON si.id = s.site_id JOIN centers c ON c.id = s.center_id
                        WHERE s.id = ? AND s.status = 'SCHEDULED'""", sessionId)
                .map(row -> new Convocation(personName, Rows.date(row, "local_date"), Rows.time(row, "start_time"),
                        row.column("ends").get(LocalDateTime.class).toLocalTime(), Rows.text(row, "centre"),
                        Rows.text(row, "site"), Rows.text(row, "address_line1"), Rows.text(row, "address_line2"),
                        Rows.text(row, "postal_code"), Rows.text(row, "city"), Rows.text(row, "accessibility_info"),
                        Rows.text(row, "contact_phone"), Rows.text(row, "contact_email")));
    }

    /** Upcoming scheduled sessions of the centre with a free seat, soonest first. */
    List<Proposal> openSessions(DbExecute exec, UUID centerId, int limit) {
        return exec.query("""
                        SELECT s.id, s.local_date, s.start_time, s.capacity - s.seats_taken AS free_seats, si.name AS site,
                               r.name AS room, si.commune_insee, c.epci_siren,
                               (r.accessible AND si.wheelchair_accessible) AS accessible
                        FROM sessions s JOIN sites si ON si.id = s.site_id JOIN rooms r ON r.id = s.room_id
                        LEFT JOIN communes c ON c.code_insee = si.commune_insee AND c.type = 'commune-actuelle'
                        WHERE s.center_id = ? AND s.status = 'SCHEDULED' AND s.starts_at > now()
                          AND s.seats_taken < s.capacity
                        ORDER BY s.starts_at, s.id LIMIT ?""", centerId, limit)
                .map(row -> new Proposal(Rows.uuid(row, "id"), Rows.date(row, "local_date"), Rows.time(row, "start_time"),
                        Rows.text(row, "site"), Rows.text(row, "room"), Rows.integer(row, "free_seats"),
                        new SessionFit.Candidate(Rows.date(row, "local_date"), Rows.time(row, "start_time"),
                                Rows.text(row, "commune_insee"), Rows.text(row, "epci_siren"), Rows.bool(row, "accessible"))))
                .toList();
    }
}
