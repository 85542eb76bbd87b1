package fr.jalon.referrals;

import java.util.Optional;

import fr.jalon.candidates.EnrolmentStatus;

/**
 * Where a referral stands (DESIGN.md): decided by the centre while {@code NEW} or
 * {@code POSTPONED}, then following its enrolment. Each status has the France Travail appointment
 * code partners expect alongside.
 */
enum ReferralStatus {
    NEW("nouvelle", null),
    ACCEPTED("acceptée : inscription à une session", "PRIS"),
    REFUSED("refusée", null),
    POSTPONED("reportée", null),
    EXPIRED("expirée sans traitement", null),
    CANCELLED("annulée", "ANNULE"),
    CONVOKED("convocation envoyée", "PRIS"),
    ATTENDED("présente à la session", "EFFECTUE"),
    NO_SHOW("absente à la session", "ABSENT"),
    EXCUSED("absence excusée", "ABSENT_EXC"),
    CERTIFIED("résultats de certification disponibles", "EFFECTUE");

    private final String label;
    private final String appointment;

    ReferralStatus(String label, String appointment) {
        this.label = label;
        this.appointment = appointment;
    }

    /** In French, for the adviser's e-mail. */
    String label() {
        return label;
    }

    /** The France Travail appointment code (PRIS, EFFECTUE, ABSENT, ABSENT_EXC, ANNULE), if any. */
    String appointment() {
        return appointment;
    }

    /** The centre can still accept, refuse or postpone it; the adviser can still cancel it. */
    boolean open() {
        return this == NEW || this == POSTPONED;
    }

    /** The referral's status that follows an enrolment's, if the enrolment's status means something to it. */
    static Optional<ReferralStatus> following(EnrolmentStatus enrolmentStatus) {
        return Optional.ofNullable(switch (enrolmentStatus) {
            case CONVOKED -> CONVOKED;
            case PRESENT -> ATTENDED;
            case ABSENT -> NO_SHOW;
            case EXCUSED -> EXCUSED;
            case CANCELLED -> CANCELLED;
            default -> null;
        });
    }
}
