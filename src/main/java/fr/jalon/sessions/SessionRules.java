package fr.jalon.sessions;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.validation.Breach;

/**
 * The scheduling rules of sessions, free of any database or HTTP concern: each returns the breach
 * it finds (empty when the rule holds); the use case turns it into an answer.
 */
final class SessionRules {

    static final String CORE_CERTIFICATION = "PIX";

    private SessionRules() {
    }

    /** A session is planned for the future; the past cannot be scheduled. */
    static Optional<Breach> future(SessionSlot slot, Instant now) {
        return slot.hasStartedAt(now)
                ? Optional.of(Breach.invalidField("date", "past", "La session doit commencer dans le futur."))
                : Optional.empty();
    }

    /** Capacity never exceeds the workstations of the room. */
    static Optional<Breach> capacityFits(int capacity, int seats, String roomName) {
        return capacity > seats ? Optional.of(Breach.invalidField("capacity", "exceeds_room",
                "La capacité (" + capacity + ") dépasse le nombre de postes de la salle « " + roomName + " » ("
                        + seats + ").")) : Optional.empty();
    }

    /** Capacity never drops below the seats already given to candidates. */
    static Optional<Breach> capacityHoldsEnrolled(int capacity, int seatsTaken) {
        return capacity < seatsTaken ? Optional.of(Breach.conflict(seatsTaken
                + " candidats sont inscrits : la capacité ne peut pas descendre à " + capacity + ".")) : Optional.empty();
    }

    /** Date, time and room change only while the session is scheduled and has not started. */
    static Optional<Breach> movable(CertificationSession session, Instant now) {
        return editable(session).or(() -> session.slot().hasStartedAt(now) ? Optional.of(Breach.conflict(
                "La session a déjà commencé : sa date, son heure et sa salle ne peuvent plus changer.")) : Optional.empty());
    }

    static Optional<Breach> editable(CertificationSession session) {
        return session.status() != SessionStatus.SCHEDULED ? Optional.of(Breach.conflict("La session est "
                + session.status().label() + " : elle ne peut plus être modifiée.")) : Optional.empty();
    }

    static Optional<Breach> transition(CertificationSession session, SessionStatus target) {
        return session.status().canBecome(target) ? Optional.empty() : Optional.of(Breach.conflict("Une session "
                + session.status().label() + " ne peut pas devenir " + target.label() + "."));
    }

    /** The core Pix certification, or a complementary certification the centre is habilitated for. */
    static Optional<Breach> certificationType(String requested, Set<Habilitation> habilitations) {
        if (requested == null || requested.equalsIgnoreCase(CORE_CERTIFICATION)) {
            return Optional.empty();
        }
        Optional<Habilitation> habilitation = habilitation(requested);
        if (habilitation.isEmpty()) {
            return Optional.of(Breach.invalidField("certificationType", "invalid_value",
                    "Type de certification inconnu : « " + requested + " »."));
        }
        return habilitations.contains(habilitation.get()) ? Optional.empty()
                : Optional.of(Breach.invalidField("certificationType", "not_habilitated",
                        "Le centre n'est pas habilité pour la certification « " + habilitation.get().label() + " »."));
    }

    /** The canonical code of an acceptable certification type (see {@link #certificationType}). */
    static String canonicalType(String requested) {
        return requested == null || requested.equalsIgnoreCase(CORE_CERTIFICATION) ? CORE_CERTIFICATION
                : habilitation(requested).map(Habilitation::name).orElseThrow();
    }

    private static Optional<Habilitation> habilitation(String requested) {
        try {
            return Optional.of(Habilitation.valueOf(requested.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
