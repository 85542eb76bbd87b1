package fr.jalon.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import fr.jalon.candidates.EnrolmentStatus;
import fr.jalon.sessions.SessionStatus;

/**
 * Whether a message still has a point when its turn comes; if not, it is cancelled (with the
 * reason shown to staff), never sent. A cancellation notice goes out for a cancelled session
 * (that is its point); everything else needs a scheduled session and a seat.
 */
final class Relevance {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Set<EnrolmentStatus> SEATED = Set.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.CONVOKED);
    private static final Set<EnrolmentStatus> MISSED = Set.of(EnrolmentStatus.ABSENT, EnrolmentStatus.EXCUSED);

    private Relevance() {
    }

    /** Empty when the message should go; otherwise why it should not, in French for staff. */
    static Optional<String> pointless(DueNotification n, Instant now) {
        if (n.messageKind().forAgents()) {
            return campaign(n, now);
        }
        boolean forInvigilator = n.messageKind().forInvigilators();
        if (forInvigilator && !n.onDuty()) {
            // A removed assignment has no status at all (and no session left to describe).
            return Optional.of("Affectation retirée ou déclinée : message sans objet.");
        }
        if (n.messageKind().afterSession()) {
            return afterSession(n);
        }
        if (!n.endsAt().isAfter(now)) {
            return Optional.of("Session passée : message sans objet.");
        }
        if (n.messageKind() == MessageCatalogue.Kind.SESSION_CANCELLED) {
            return Optional.empty();
        }
        if (n.sessionStatus() != SessionStatus.SCHEDULED) {
            return Optional.of("Session annulée : message sans objet.");
        }
        if (!forInvigilator && !SEATED.contains(n.enrolmentStatus())) {
            return Optional.of("Inscription annulée ou transférée : message sans objet.");
        }
        if (n.messageKind().reminds() && !n.offsetKey().endsWith(":" + n.date())) {
            return Optional.of("La session a changé de date : rappel sans objet.");
        }
        return Optional.empty();
    }

    /** A campaign message needs the campaign open and not over; a reminder, an agent who has not started. */
    private static Optional<String> campaign(DueNotification n, Instant now) {
        DueNotification.Campaign c = n.campaign();
        if (!"OPEN".equals(c.status()) || c.endsOn().isBefore(LocalDate.ofInstant(now, PARIS))) {
            return Optional.of("Campagne close : message sans objet.");
        }
        if (c.participantStatus() == null) {
            return Optional.of("L'agent n'est plus invité à la campagne : message sans objet.");
        }
        if (n.messageKind() == MessageCatalogue.Kind.CAMPAIGN_REMINDER && !"NOT_STARTED".equals(c.participantStatus())) {
            return Optional.of("L'agent a déjà commencé la campagne : rappel sans objet.");
        }
        return Optional.empty();
    }

    /** A no-show message needs the candidate still noted absent or excused; results need an enrolment not cancelled. */
    private static Optional<String> afterSession(DueNotification n) {
        if (n.messageKind() == MessageCatalogue.Kind.NO_SHOW && !MISSED.contains(n.enrolmentStatus())) {
            return Optional.of("Présence corrigée : le candidat n'est plus noté absent.");
        }
        if (n.enrolmentStatus() == EnrolmentStatus.CANCELLED) {
            return Optional.of("Inscription annulée : message sans objet.");
        }
        return Optional.empty();
    }
}
