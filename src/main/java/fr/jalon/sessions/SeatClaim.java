package fr.jalon.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * An open session, now locked by the caller's transaction, and whether a seat was taken for it:
 * only what an enrolment needs, so the claim stays one light statement.
 */
public record SeatClaim(UUID sessionId, UUID centerId, Instant startsAt, Instant endsAt, boolean seated) {
}
