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

    @Test
    void theNightsOfTheClockChangesEndAtEightInTheMorningLocalTime() {
        // 25 October 2026: 03:00 summer time becomes 02:00 winter time; 02:30 happens twice.
        assertEquals(Optional.of(Instant.parse("2026-10-25T07:00:00Z")), deferral("2026-10-25T00:30:00Z"),
                "02:30 CEST, before the change → 08:00 CET");
        assertEquals(Optional.of(Instant.parse("2026-10-25T07:00:00Z")), deferral("2026-10-25T01:30:00Z"),
                "02:30 CET, the repeated hour → 08:00 CET");
        assertEquals(Optional.of(Instant.parse("2026-10-25T07:00:00Z")), deferral("2026-10-24T18:30:00Z"),
                "20:30 CEST the evening before → 08:00 CET, a 13.5-hour wait");
        // 28 March 2027: 02:00 winter time becomes 03:00 summer time; 02:30 never happens.
        assertEquals(Optional.of(Instant.parse("2027-03-28T06:00:00Z")), deferral("2027-03-28T00:59:00Z"),
                "01:59 CET → 08:00 CEST");
        assertEquals(Optional.of(Instant.parse("2027-03-28T06:00:00Z")), deferral("2027-03-28T01:00:00Z"),
                "03:00 CEST, just after the jump → 08:00 CEST");
        assertEquals(Optional.empty(), deferral("2027-03-28T06:00:00Z"), "08:00 CEST: at once");
    }
}
