package fr.jalon.sessionday;

import java.time.Instant;
import java.util.UUID;

record Incident(UUID id, UUID enrolmentId, IncidentCategory category, String subcategory, String description,
                Integer questionNumber, Instant createdAt) {
}
