package fr.jalon.attestations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the public verification shows, by code. */
record VerifiedAttestation(String code, AttestationKind kind, Instant revokedAt, String firstName, String birthName, LocalDate sessionDate,
                String centre, UUID enrolmentId) {
}
