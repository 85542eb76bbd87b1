package fr.jalon.invigilators;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.calendar.HalfDay;

/**
 * An invigilator of a centre's pool: who, where they can go, what they may invigilate, and when.
 * Public only because the planner's generated accessors (another class loader) must reach it.
 */
public record Invigilator(UUID id, UUID centerId, Kind kind, String firstName, String lastName, String email, String phone,
                   String homeInsee, boolean trainedPix, Set<Habilitation> habilitations, int maxPerWeek,
                   int maxPerMonth, List<UUID> siteIds, Set<HalfDay> weekly, List<Exception> exceptions,
                   boolean active) {

    public enum Kind { EMPLOYEE, PARTNER, VOLUNTEER }

    /** A dated change to the weekly pattern, both dates included. */
    public record Exception(ExceptionKind kind, LocalDate from, LocalDate to, String note) {
    }

    public enum ExceptionKind { ABSENT, AVAILABLE }
}
