package fr.jalon.invigilators;

import java.util.UUID;

/** An assignment as staff see it. */
record Assignment(UUID id, UUID sessionId, UUID invigilatorId, String invigilatorName, String status, boolean locked) {
}
