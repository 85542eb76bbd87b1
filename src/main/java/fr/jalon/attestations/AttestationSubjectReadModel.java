package fr.jalon.attestations;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.candidates.EnrolmentStatus;
import fr.jalon.platform.db.Rows;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/**
 * Read model of whom an attestation is about: the enrolment with its person, session, site and
 * centre — for drawing it, listing a session's attestations with names, and public verification. Reads other features' tables — {@code enrolments}, {@code people} (candidates),
 * {@code sessions} (sessions), {@code sites}, {@code centers} (centers) — and writes nothing.
 */
final class AttestationSubjectReadModel {

    private static final String SUBJECT = """
            SELECT en.id AS enrolment_id, en.session_id, en.center_id, en.status, p.birth_name, p.first_name, p.birth_date,
                   p.birth_city, p.birth_country, s.local_date, si.name AS site, si.city AS site_city, c.name AS centre
            FROM enrolments en
            JOIN people p ON p.id = en.person_id
            JOIN sessions s ON s.id = en.session_id
            JOIN sites si ON si.id = s.site_id
            JOIN centers c ON c.id = en.center_id
            """;

    Optional<AttestationSubject> subject(DbExecute exec, UUID enrolmentId) {
        return exec.get(SUBJECT + " WHERE en.id = ?", enrolmentId).map(AttestationSubjectReadModel::subject);
    }

    /** The candidates of a session who were present, by name (the order of the session's documents). */
    List<AttestationSubject> presentIn(DbExecute exec, UUID sessionId) {
        return exec.query(SUBJECT + " WHERE en.session_id = ? AND en.status = 'PRESENT' "
                        + "ORDER BY p.birth_name, p.first_name, en.id", sessionId)
                .map(AttestationSubjectReadModel::subject).toList();
    }

    private static AttestationSubject subject(DbRow row) {
        return new AttestationSubject(Rows.uuid(row, "enrolment_id"), Rows.uuid(row, "session_id"), Rows.uuid(row, "center_id"),
                EnrolmentStatus.valueOf(Rows.text(row, "status")), Rows.text(row, "birth_name"), Rows.text(row, "first_name"),
                Rows.date(row, "birth_date"), Rows.text(row, "birth_city"), Rows.text(row, "birth_country"),
                Rows.date(row, "local_date"), Rows.text(row, "site"), Rows.text(row, "site_city"), Rows.text(row, "centre"));
    }

    /** Every attestation issued in a session, valid and revoked, newest first per candidate. */
    List<ListedAttestation> ofSession(DbExecute exec, UUID sessionId) {
        return exec.query("SELECT " + AttestationRepository.ISSUED_COLUMNS + ", p.birth_name, p.first_name FROM attestations a "
                        + "JOIN enrolments en ON en.id = a.enrolment_id JOIN people p ON p.id = en.person_id "
                        + "WHERE en.session_id = ? ORDER BY p.birth_name, p.first_name, a.enrolment_id, a.issued_at DESC",
                        sessionId)
                .map(row -> new ListedAttestation(AttestationRepository.issued(row), Rows.text(row, "birth_name"), Rows.text(row, "first_name")))
                .toList();
    }

    Optional<VerifiedAttestation> verify(DbExecute exec, String code) {
        return exec.get("""
                        SELECT a.code, a.kind, a.revoked_at, a.enrolment_id, p.first_name, p.birth_name, s.local_date,
                               c.name AS centre
                        FROM attestations a
                        JOIN enrolments en ON en.id = a.enrolment_id
                        JOIN people p ON p.id = en.person_id
                        JOIN sessions s ON s.id = en.session_id
                        JOIN centers c ON c.id = en.center_id
                        WHERE a.code = ?""", code)
                .map(row -> new VerifiedAttestation(Rows.text(row, "code"), AttestationKind.valueOf(Rows.text(row, "kind")),
                        Rows.instant(row, "revoked_at"), Rows.text(row, "first_name"), Rows.text(row, "birth_name"),
                        Rows.date(row, "local_date"), Rows.text(row, "centre"), Rows.uuid(row, "enrolment_id")));
    }
}
