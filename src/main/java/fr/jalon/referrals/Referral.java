package fr.jalon.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.json.JsonObject;

/** A referral as stored; {@code constraints} and {@code result} are kept as the JSON received or built. */
record Referral(UUID id, UUID organisationId, UUID centerId, UUID personId, String personName, UUID adviserId,
                String referentName, String referentEmail, String certification, String targetLevel,
                JsonObject constraints, String needsFlag, String note, Instant consentAt, ReferralStatus status,
                String appointment, RefusalReason refusalReason, String refusalText, Boolean reasonShared,
                LocalDate postponedUntil, UUID enrolmentId, UUID sessionId, JsonObject result, Instant createdAt,
                Instant updatedAt) {
}
