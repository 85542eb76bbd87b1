package fr.jalon.sessionday;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import fr.jalon.candidates.EnrolmentStatus;
import fr.jalon.platform.validation.FieldError;

/**
 * Pix's finalization rules, without I/O: a session is finalized once it has started, when every
 * seated candidate's attendance is noted, at least one candidate was present, and every present
 * candidate who did not finish has an abort reason ({@code candidate} or {@code technical}).
 */
final class FinalizationRules {

    private static final Set<EnrolmentStatus> UNNOTED = Set.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.CONVOKED);

    /** A seated candidate as finalization sees them. */
    record Candidate(String reference, EnrolmentStatus status, boolean testFinished, String abortReason) {
    }

    private FinalizationRules() {
    }

    /** The reasons the session cannot be finalized now; empty when it can. */
    static List<FieldError> breaches(Instant startsAt, Instant now, List<Candidate> candidates) {
        List<FieldError> errors = new ArrayList<>();
        if (now.isBefore(startsAt)) {
            errors.add(FieldError.of("session", "not_started", "La session n'a pas encore commencé."));
            return errors;
        }
        long unnoted = candidates.stream().filter(c -> UNNOTED.contains(c.status())).count();
        if (unnoted > 0) {
            errors.add(FieldError.of("candidates", "attendance_missing", unnoted
                    + " candidat(s) sans présence notée : indiquez présent, absent ou excusé pour chacun."));
        }
        if (candidates.stream().noneMatch(c -> c.status() == EnrolmentStatus.PRESENT)) {
            errors.add(FieldError.of("candidates", "nobody_present",
                    "Aucun candidat présent : une session sans candidat présent ne se finalise pas (annulez-la plutôt)."));
        }
        for (Candidate c : candidates) {
            if (c.status() == EnrolmentStatus.PRESENT && !c.testFinished() && c.abortReason() == null) {
                errors.add(FieldError.of("candidates[" + c.reference() + "].abortReason", "abort_reason_missing",
                        "Test non terminé sans raison d'abandon : indiquez « candidate » (abandon du candidat) ou "
                                + "« technical » (problème technique)."));
            }
        }
        return errors;
    }
}
