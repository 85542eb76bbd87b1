package fr.jalon.candidates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An enrolment as stored, with the person's name for display. */
record Enrolment(UUID id, UUID sessionId, UUID centerId, UUID personId, String birthName, String firstName,
                 LocalDate birthDate, EnrolmentStatus status, EnrolmentTerms terms, Origin origin,
                 String originReference, Long waitlistPosition, UUID transferredFrom, UUID transferredTo,
                 String cancellationReason, Instant createdAt, Instant updatedAt) {
}
