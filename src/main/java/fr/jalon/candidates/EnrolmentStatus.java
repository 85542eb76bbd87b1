package fr.jalon.candidates;

import java.util.EnumSet;
import java.util.Set;

/**
 * ENROLLED → CONVOKED → PRESENT / ABSENT / EXCUSED, or CANCELLED; WAITLISTED while the session
 * is full. Attendance can be corrected on the day (PRESENT ↔ ABSENT ↔ EXCUSED).
 */
public enum EnrolmentStatus {
    WAITLISTED, ENROLLED, CONVOKED, PRESENT, ABSENT, EXCUSED, CANCELLED;

    static final Set<EnrolmentStatus> ATTENDANCE = EnumSet.of(PRESENT, ABSENT, EXCUSED);

    /** Whether this enrolment occupies one of the session's seats. */
    public boolean holdsSeat() {
        return this != WAITLISTED && this != CANCELLED;
    }

    public boolean canBecome(EnrolmentStatus target) {
        return switch (this) {
            case WAITLISTED -> target == ENROLLED || target == CANCELLED;
            case ENROLLED -> target == CONVOKED || ATTENDANCE.contains(target) || target == CANCELLED;
            case CONVOKED -> ATTENDANCE.contains(target) || target == CANCELLED;
            case PRESENT, ABSENT, EXCUSED -> ATTENDANCE.contains(target) && target != this;
            case CANCELLED -> false;
        };
    }

    public String label() {
        return switch (this) {
            case WAITLISTED -> "en liste d'attente";
            case ENROLLED -> "inscrit";
            case CONVOKED -> "convoqué";
            case PRESENT -> "présent";
            case ABSENT -> "absent";
            case EXCUSED -> "excusé";
            case CANCELLED -> "annulé";
        };
    }
}
