package fr.jalon.sessions;

import java.time.Instant;
import java.util.Set;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.http.ApiProblem;

/** The scheduling rules of sessions, free of any database or HTTP concern. */
final class SessionRules {

    static final String CORE_CERTIFICATION = "PIX";

    private SessionRules() {
    }

    /** A session is planned for the future; the past cannot be scheduled. */
    static void requireFuture(SessionSlot slot, Instant now) {
        if (slot.hasStartedAt(now)) {
            throw ApiProblem.invalidField("date", "past", "La session doit commencer dans le futur.");
        }
    }

    /** Capacity never exceeds the workstations of the room. */
    static void requireCapacityFits(int capacity, int seats, String roomName) {
        if (capacity > seats) {
            throw ApiProblem.invalidField("capacity", "exceeds_room",
                    "La capacité (" + capacity + ") dépasse le nombre de postes de la salle « " + roomName + " » ("
                            + seats + ").");
        }
    }

    /** Capacity never drops below the seats already given to candidates. */
    static void requireCapacityHoldsEnrolled(int capacity, int seatsTaken) {
        if (capacity < seatsTaken) {
            throw ApiProblem.conflict(seatsTaken + " candidats sont inscrits : la capacité ne peut pas descendre à "
                    + capacity + ".");
        }
    }

    /** Date, time and room change only while the session is scheduled and has not started. */
    static void requireMovable(CertificationSession session, Instant now) {
        requireEditable(session);
        if (session.slot().hasStartedAt(now)) {
            throw ApiProblem.conflict("La session a déjà commencé : sa date, son heure et sa salle ne peuvent plus changer.");
        }
    }

    static void requireEditable(CertificationSession session) {
        if (session.status() != SessionStatus.SCHEDULED) {
            throw ApiProblem.conflict("La session est " + session.status().label() + " : elle ne peut plus être modifiée.");
        }
    }

    static void requireTransition(CertificationSession session, SessionStatus target) {
        if (!session.status().canBecome(target)) {
            throw ApiProblem.conflict("Une session " + session.status().label() + " ne peut pas devenir "
                    + target.label() + ".");
        }
    }

    /**
     * The core Pix certification, or a complementary certification the centre is habilitated for.
     * Returns the canonical code.
     */
    static String certificationType(String requested, Set<Habilitation> habilitations) {
        if (requested == null || requested.equalsIgnoreCase(CORE_CERTIFICATION)) {
            return CORE_CERTIFICATION;
        }
        Habilitation habilitation;
        try {
            habilitation = Habilitation.valueOf(requested.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("certificationType", "invalid_value",
                    "Type de certification inconnu : « " + requested + " ».");
        }
        if (!habilitations.contains(habilitation)) {
            throw ApiProblem.invalidField("certificationType", "not_habilitated",
                    "Le centre n'est pas habilité pour la certification « " + habilitation.label() + " ».");
        }
        return habilitation.name();
    }
}
