package fr.jalon.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import fr.jalon.candidates.EnrolmentStatus;
import fr.jalon.sessions.SessionStatus;

/**
 * A notification to send (or a letter to print), with what its message needs. A candidate's
 * message carries their enrolment's status; an invigilator's, whether the assignment still
 * stands ({@code onDuty}). The session's status is null when an assignment was removed since.
 */
record DueNotification(UUID id, UUID subjectId, String kind, String channel, String offsetKey, int attempts,
                       EnrolmentStatus enrolmentStatus, boolean onDuty, String email, String mobile, String firstName, String birthName,
                       String postalAddress, LocalDate date, LocalTime startTime, int durationMinutes,
                       Instant startsAt, Instant endsAt, SessionStatus sessionStatus, UUID siteId, String site, String room,
                       String siteAddress, Integer extraTimePercent, String centre, String centrePhone,
                       String centreEmail, Instant sentAt, Campaign campaign) {

    /**
     * What a message to an agent speaks of: the campaign, its Pix code and link, its end, the
     * authority running it, and where the agent stands (to drop a reminder once they started).
     */
    record Campaign(String name, String code, String url, LocalDate endsOn, String status, String participantStatus) {
    }

    MessageCatalogue.Kind messageKind() {
        return MessageCatalogue.Kind.valueOf(kind);
    }
}
