package fr.jalon.invigilators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** An assignment as its invigilator sees it. */
record MyAssignment(UUID id, UUID sessionId, LocalDate date, LocalTime startTime,
            Instant startsAt, Instant endsAt, String site, String room, String address,
            String status) {
}
