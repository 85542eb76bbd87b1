package fr.jalon.notifications;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuietHoursTest {

    private static Optional<Instant> deferral(String utc) {
        return QuietHours.SMS.deferral(Instant.parse(utc));
    }

    @Test
    void daytimeSmsGoAtOnce() {
        assertEquals(Optional.empty(), deferral("2026-11-23T07:00:00Z"), "08:00 in Paris (winter)");
        assertEquals(Optional.empty(), deferral("2026-11-23T18:59:59Z"), "19:59:59 in Paris");
    }

    @Test
    void eveningSmsWaitForTheNextMorning() {
        assertEquals(Optional.of(Instant.parse("2026-11-24T07:00:00Z")), deferral("2026-11-23T19:00:00Z"), "20:00 → 08:00");
        assertEquals(Optional.of(Instant.parse("2026-07-08T06:00:00Z")), deferral("2026-07-07T21:30:00Z"), "summer time");
    }

    @Test
    void nightSmsWaitForThisMorning() {
        assertEquals(Optional.of(Instant.parse("2026-11-23T07:00:00Z")), deferral("2026-11-23T02:00:00Z"), "03:00 → 08:00");
        assertEquals(Optional.of(Instant.parse("2026-11-23T07:00:00Z")), deferral("2026-11-22T23:30:00Z"), "00:30 → 08:00");
    }
}
