package fr.jalon.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a session takes place: a local date and start time in the centre's zone, and a length.
 * People read the local values; overlaps and ordering use the instants.
 */
public record SessionSlot(LocalDate date, LocalTime startTime, int durationMinutes, ZoneId zone) {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Pix's default session length: 1 h 45. */
    public static final int DEFAULT_DURATION_MINUTES = 105;

    public Instant startsAt() {
        return ZonedDateTime.of(date, startTime, zone).toInstant();
    }

    public Instant endsAt() {
        return startsAt().plusSeconds(durationMinutes * 60L);
    }

    public LocalTime endTime() {
        return ZonedDateTime.ofInstant(endsAt(), zone).toLocalTime();
    }

    /** Half-open intervals: a session ending at 11:00 does not overlap one starting at 11:00. */
    public boolean overlaps(SessionSlot other) {
        return startsAt().isBefore(other.endsAt()) && other.startsAt().isBefore(endsAt());
    }

    public boolean hasStartedAt(Instant now) {
        return !now.isBefore(startsAt());
    }
}
