package fr.jalon.notifications;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** No SMS between 20:00 and 08:00, Paris time: a message due then waits for the morning, it is not dropped. */
record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

    static final QuietHours SMS = new QuietHours(LocalTime.of(20, 0), LocalTime.of(8, 0), ZoneId.of("Europe/Paris"));

    /** When the message may go, if not now. */
    Optional<Instant> deferral(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(from)) {
            return Optional.of(local.toLocalDate().plusDays(1).atTime(until).atZone(zone).toInstant());
        }
        if (time.isBefore(until)) {
            return Optional.of(local.toLocalDate().atTime(until).atZone(zone).toInstant());
        }
        return Optional.empty();
    }
}
