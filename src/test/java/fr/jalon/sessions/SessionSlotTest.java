package fr.jalon.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionSlotTest {

    private static SessionSlot slot(String date, String time, int minutes) {
        return new SessionSlot(LocalDate.parse(date), LocalTime.parse(time), minutes, SessionSlot.PARIS);
    }

    @Test
    void localTimesAreParisTimes() {
        assertEquals(Instant.parse("2026-03-03T08:30:00Z"), slot("2026-03-03", "09:30", 105).startsAt(), "winter: UTC+1");
        assertEquals(Instant.parse("2026-07-07T07:30:00Z"), slot("2026-07-07", "09:30", 105).startsAt(), "summer: UTC+2");
        assertEquals(LocalTime.of(11, 15), slot("2026-03-03", "09:30", 105).endTime());
    }

    @Test
    void aSessionAcrossTheSpringChangeLastsItsRealDuration() {
        SessionSlot night = slot("2026-03-29", "01:30", 120);
        assertEquals(LocalTime.of(4, 30), night.endTime(), "02:00 does not exist that night");
    }

    @Test
    void overlapIsHalfOpen() {
        SessionSlot morning = slot("2026-03-03", "09:00", 105);
        assertTrue(morning.overlaps(slot("2026-03-03", "10:30", 60)));
        assertTrue(morning.overlaps(slot("2026-03-03", "08:00", 61)));
        assertFalse(morning.overlaps(slot("2026-03-03", "10:45", 60)), "starts when the other ends");
        assertFalse(morning.overlaps(slot("2026-03-03", "08:00", 60)), "ends when the other starts");
        assertFalse(morning.overlaps(slot("2026-03-04", "09:00", 105)));
    }

    @Test
    void hasStartedFromItsFirstMinute() {
        SessionSlot s = slot("2026-03-03", "09:00", 105);
        assertFalse(s.hasStartedAt(Instant.parse("2026-03-03T07:59:59Z")));
        assertTrue(s.hasStartedAt(Instant.parse("2026-03-03T08:00:00Z")));
    }
}
