package fr.jalon.attestations;

import java.time.LocalDate;
import java.util.UUID;

import fr.jalon.candidates.EnrolmentStatus;

/** Who and which session an attestation is about. */
record AttestationSubject(UUID enrolmentId, UUID sessionId, UUID centerId, EnrolmentStatus enrolmentStatus, String birthName,
               String firstName, LocalDate birthDate, String birthCity, String birthCountry, LocalDate sessionDate,
               String site, String siteCity, String centre) {
}
