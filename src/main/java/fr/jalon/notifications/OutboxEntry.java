package fr.jalon.notifications;

import java.time.Instant;
import java.util.UUID;

/** A notification as staff see it. */
record OutboxEntry(UUID id, String kind, String channel, UUID personId, UUID invigilatorId, UUID agentId, UUID centerId,
             UUID subjectId,
             String offsetKey, String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
             Instant sentAt) {
}
