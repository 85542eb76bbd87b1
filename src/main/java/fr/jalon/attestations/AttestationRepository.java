package fr.jalon.attestations;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.candidates.PersonalDataEraser;
import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/**
 * SQL of attestations, and the read model an attestation prints (candidate, session, centre)
 * across features in one statement.
 */
final class AttestationRepository {

    Optional<IssuedAttestation> valid(DbExecute exec, UUID enrolmentId, AttestationKind kind) {
        return exec.get(ISSUED + " WHERE enrolment_id = ? AND kind = ? AND revoked_at IS NULL", enrolmentId, kind.name())
                .map(AttestationRepository::issued);
    }

    Optional<IssuedAttestation> byCode(DbExecute exec, String code) {
        return exec.get(ISSUED + " WHERE code = ?", code).map(AttestationRepository::issued);
    }

    /**
     * Issues an attestation under {@code code}; false when the code exists already (never reused)
     * or a valid attestation of that kind was issued meanwhile (the caller reads it).
     */
    boolean issue(DbExecute exec, String code, UUID enrolmentId, AttestationKind kind, Integer resultVersion) {
        return exec.dml("INSERT INTO attestations (code, enrolment_id, kind, result_version) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", code, enrolmentId, kind.name(), resultVersion) == 1;
    }

    Optional<byte[]> pdf(DbExecute exec, UUID id) {
        return exec.get("SELECT pdf FROM attestations WHERE id = ? AND pdf IS NOT NULL", id)
                .map(row -> row.column("pdf").get(byte[].class));
    }

    /** Keeps the first rendering: a concurrent first download that lost the race reads the winner's. */
    void keepPdf(DbExecute exec, UUID id, byte[] pdf) {
        exec.dml("UPDATE attestations SET pdf = ? WHERE id = ? AND pdf IS NULL", pdf, id);
    }

    boolean revoke(DbExecute exec, UUID id, String reason) {
        return exec.dml("UPDATE attestations SET revoked_at = now(), revocation_reason = ? WHERE id = ? AND revoked_at IS NULL",
                reason, id) == 1;
    }

    /** Revokes the valid attestations of some enrolments (corrected results, attendance superseded). */
    void revokeAll(DbExecute exec, List<UUID> enrolmentIds, AttestationKind kind, String reason) {
        exec.dml("UPDATE attestations SET revoked_at = now(), revocation_reason = ? "
                        + "WHERE enrolment_id = ANY(CAST(? AS uuid[])) AND kind = ? AND revoked_at IS NULL",
                reason, SqlArrays.of(enrolmentIds), kind.name());
    }

    /**
     * Counts a hit of {@code bucket} in the current minute and returns the minute's count; every
     * instance shares the counter. Windows older than an hour are dropped as it goes.
     */
    int hit(DbExecute exec, String bucket, Instant now) {
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        if (now.getEpochSecond() % 60 == 0) {
            exec.dml("DELETE FROM rate_limit_hits WHERE window_start < ?",
                    window.minusSeconds(3600).atOffset(ZoneOffset.UTC));
        }
        return exec.get("""
                        INSERT INTO rate_limit_hits (bucket, window_start, hits) VALUES (?, ?, 1)
                        ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1
                        RETURNING hits""", bucket, window.atOffset(java.time.ZoneOffset.UTC))
                .map(row -> Rows.integer(row, "hits")).orElse(1);
    }

    static final String ISSUED_COLUMNS = "a.id, a.code, a.enrolment_id, a.kind, a.result_version, a.issued_at, "
            + "a.revoked_at, a.revocation_reason, a.pdf IS NOT NULL AS rendered";
    private static final String ISSUED = "SELECT " + ISSUED_COLUMNS + " FROM attestations a";

    static IssuedAttestation issued(DbRow row) {
        return new IssuedAttestation(Rows.uuid(row, "id"), Rows.text(row, "code"), Rows.uuid(row, "enrolment_id"),
                AttestationKind.valueOf(Rows.text(row, "kind")), Rows.integer(row, "result_version"), Rows.instant(row, "issued_at"),
                Rows.instant(row, "revoked_at"), Rows.text(row, "revocation_reason"), Rows.bool(row, "rendered"));
    }

    /**
     * Retention: stored PDFs of these enrolments go; asked for again, an attestation is drawn anew
     * with the anonymised identity (its code and verification stay).
     */
    Map<String, Integer> erase(DbExecute exec, PersonalDataEraser.Erasure erasure) {
        long pdfs = exec.dml("UPDATE attestations SET pdf = NULL WHERE enrolment_id = ANY(CAST(? AS uuid[])) AND pdf IS NOT NULL",
                (Object) SqlArrays.of(erasure.enrolmentIds()));
        return Map.of("attestations", (int) pdfs);
    }
}
