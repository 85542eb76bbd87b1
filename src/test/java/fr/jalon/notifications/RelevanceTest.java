package fr.jalon.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelevanceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 3);

    private static DueNotification due(String kind, String offset, String sessionStatus, String enrolmentStatus,
                                       Instant endsAt) {
        boolean invigilator = MessageCatalogue.Kind.valueOf(kind).forInvigilators();
        return new DueNotification(UUID.randomUUID(), UUID.randomUUID(), kind, "EMAIL", offset, 0,
                invigilator || enrolmentStatus == null ? null : fr.jalon.candidates.EnrolmentStatus.valueOf(enrolmentStatus),
                invigilator && ("PUBLISHED".equals(enrolmentStatus) || "CONFIRMED".equals(enrolmentStatus)),
                "a@example.org", null, "Léa", "Dupont", null, DAY, LocalTime.of(9, 30), 105,
                endsAt.minusSeconds(105 * 60), endsAt,
                sessionStatus == null ? null : fr.jalon.sessions.SessionStatus.valueOf(sessionStatus), UUID.randomUUID(), "Site", "Salle", "1 rue, 40000 Ville",
                null, "Centre", null, null, null, null);
    }

    private static final Instant LATER = Instant.parse("2026-03-03T10:15:00Z");

    @Test
    void aConvocationForASeatInAScheduledSessionGoes() {
        assertEquals(Optional.empty(), Relevance.pointless(due("CONVOCATION", "", "SCHEDULED", "ENROLLED", LATER), NOW));
        assertEquals(Optional.empty(), Relevance.pointless(due("REMINDER", "J-2:2026-03-03", "SCHEDULED", "CONVOKED", LATER), NOW));
    }

    @Test
    void nothingGoesOnceTheSessionIsOverNotEvenACancellationNotice() {
        assertTrue(Relevance.pointless(due("SESSION_CANCELLED", "", "CANCELLED", "CONVOKED", NOW), NOW).orElseThrow()
                .contains("passée"));
    }

    @Test
    void aCancellationNoticeGoesForACancelledSessionButNothingElseDoes() {
        assertEquals(Optional.empty(), Relevance.pointless(due("SESSION_CANCELLED", "", "CANCELLED", "CONVOKED", LATER), NOW));
        assertTrue(Relevance.pointless(due("REMINDER", "J-2:2026-03-03", "CANCELLED", "CONVOKED", LATER), NOW).isPresent());
    }

    @Test
    void aSeatGivenUpStopsItsMessages() {
        assertTrue(Relevance.pointless(due("REMINDER", "J-2:2026-03-03", "SCHEDULED", "CANCELLED", LATER), NOW).orElseThrow()
                .contains("Inscription"));
    }

    @Test
    void aReminderOfTheOldDateOfAMovedSessionIsCancelled() {
        assertTrue(Relevance.pointless(due("REMINDER", "J-7:2026-02-24", "SCHEDULED", "CONVOKED", LATER), NOW).orElseThrow()
                .contains("changé de date"));
    }

    @Test
    void anInvigilatorsMessageNeedsTheAssignmentStillHeld() {
        assertEquals(Optional.empty(), Relevance.pointless(due("INVIGILATOR_ASSIGNED", "", "SCHEDULED", "PUBLISHED", LATER), NOW));
        assertEquals(Optional.empty(), Relevance.pointless(due("INVIGILATOR_REMINDER", "J-2:2026-03-03", "SCHEDULED",
                "CONFIRMED", LATER), NOW));
        assertTrue(Relevance.pointless(due("INVIGILATOR_REMINDER", "J-2:2026-03-03", "SCHEDULED", "DECLINED", LATER), NOW)
                .orElseThrow().contains("Affectation"));
        assertTrue(Relevance.pointless(due("INVIGILATOR_ASSIGNED", "", "SCHEDULED", null, LATER), NOW).isPresent(),
                "a removed assignment leaves no status");
        assertTrue(Relevance.pointless(due("INVIGILATOR_REMINDER", "J-2:2026-02-24", "SCHEDULED", "PUBLISHED", LATER), NOW)
                .orElseThrow().contains("date"));
    }
}
