package fr.jalon.notifications;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and durations as people write them in French: « mardi 3 mars 2026 à 9 h 30 », « 1 h 45 ». */
public final class FrenchDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    private FrenchDates() {
    }

    public static String dateTime(LocalDateTime when) {
        return DAY.format(when) + " à " + time(when.getHour(), when.getMinute());
    }

    /** « 9 h 30 », « 14 h », « 8 h 05 ». */
    public static String time(int hour, int minute) {
        return minute == 0 ? hour + " h" : hour + " h " + String.format("%02d", minute);
    }

    /** « 1 h 45 », « 2 h », « 45 min ». */
    public static String duration(Duration duration) {
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        if (hours == 0) {
            return minutes + " min";
        }
        return minutes == 0 ? hours + " h" : hours + " h " + String.format("%02d", minutes);
    }
}
