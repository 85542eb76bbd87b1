package fr.jalon.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A notification to send (or a letter to print), with what its message needs. */
record DueNotification(UUID id, UUID subjectId, String kind, String channel, String offsetKey, int attempts,
                       String enrolmentStatus, String email, String mobile, String firstName, String birthName,
                       String postalAddress, LocalDate date, LocalTime startTime, int durationMinutes,
                       Instant startsAt, Instant endsAt, String sessionStatus, UUID siteId, String site, String room,
                       String siteAddress, Integer extraTimePercent, String centre, String centrePhone,
                       String centreEmail, Instant sentAt) {

    MessageCatalogue.Kind messageKind() {
        return MessageCatalogue.Kind.valueOf(kind);
    }
}
