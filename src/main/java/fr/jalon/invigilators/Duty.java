package fr.jalon.invigilators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A session an invigilator holds or would hold: where and when. */
public record Duty(UUID sessionId, UUID siteId, LocalDate date, Instant start, Instant end) {
}
