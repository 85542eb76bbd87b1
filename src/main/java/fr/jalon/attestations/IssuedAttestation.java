package fr.jalon.attestations;

import java.time.Instant;
import java.util.UUID;

/** An issued attestation. */
record IssuedAttestation(UUID id, String code, UUID enrolmentId, AttestationKind kind, Integer resultVersion, Instant issuedAt,
              Instant revokedAt, String revocationReason, boolean rendered) {
}
