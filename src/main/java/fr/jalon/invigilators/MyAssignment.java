package fr.jalon.invigilators;

import java.time.LocalDate;
import java.util.UUID;

/** An assignment as its invigilator sees it. */
record MyAssignment(UUID id, UUID sessionId, java.time.LocalDate date, java.time.LocalTime startTime,
            java.time.Instant startsAt, java.time.Instant endsAt, String site, String room, String address,
            String status) {
}
