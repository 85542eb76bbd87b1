package fr.jalon.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A notification to send now, with what its message needs. */
record DueNotification(UUID id, UUID subjectId, String kind, String channel, int attempts, String email, String mobile,
                       String firstName, String birthName, String postalAddress, LocalDate date, LocalTime startTime,
                       int durationMinutes, Instant endsAt, String sessionStatus, String site, String room,
                       String siteAddress, Integer extraTimePercent, String centre, String centrePhone,
                       String centreEmail) {
}
