package fr.jalon.platform.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ICalendarTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void anEventIsWrittenInUtcWithCrlfLines() {
        String ics = ICalendar.of(ICalendar.Method.PUBLISH, List.of(new ICalendar.Event("abc@jalon",
                Instant.parse("2026-03-03T08:30:00Z"), Instant.parse("2026-03-03T10:15:00Z"), "Certification Pix",
                "Salle Adour, 12 rue Victor Hugo; Mont-de-Marsan", "Ligne 1\nLigne 2", 3)), NOW);

        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), ics);
        assertTrue(ics.contains("\r\nMETHOD:PUBLISH\r\n"));
        assertTrue(ics.contains("\r\nDTSTART:20260303T083000Z\r\nDTEND:20260303T101500Z\r\n"), ics);
        assertTrue(ics.contains("\r\nDTSTAMP:20261123T100000Z\r\n"));
        assertTrue(ics.contains("LOCATION:Salle Adour\\, 12 rue Victor Hugo\\; Mont-de-Marsan\r\n"), ics);
        assertTrue(ics.contains("DESCRIPTION:Ligne 1\\nLigne 2\r\n"), ics);
        assertTrue(ics.contains("SEQUENCE:3\r\nSTATUS:CONFIRMED"));
        assertTrue(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assertEquals(0, ics.replace("\r\n", "").chars().filter(c -> c == '\n' || c == '\r').count(), "bare line ends");
    }

    @Test
    void longLinesAreFoldedAtSeventyFiveOctetsWithoutCuttingACharacter() {
        String description = "é".repeat(100);
        String ics = ICalendar.of(ICalendar.Method.CANCEL, List.of(new ICalendar.Event("u", NOW, NOW.plusSeconds(60),
                "Annulée", null, description, 1)), NOW);

        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.contains("DESCRIPTION:" + description + "\r\n"));
        assertTrue(unfolded.contains("STATUS:CANCELLED"));
    }

    @Test
    void anEventCannotEndBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new ICalendar.Event("u", NOW, NOW, "x", null, null, 0));
    }
}
