package fr.jalon.platform.text;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and durations as people write them in French: « mardi 3 mars 2026 à 9 h 30 », « 1 h 45 ». */
public final class FrenchDates {

    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.FRENCH);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    private FrenchDates() {
    }

    public static String dateTime(LocalDateTime when) {
        return WEEKDAY.format(when) + " " + date(when.toLocalDate()) + " à " + time(when.getHour(), when.getMinute());
    }

    /** « 3 mars 2026 », « 1er avril 2026 » (the first of a month is written « 1er »). */
    public static String date(LocalDate day) {
        return (day.getDayOfMonth() == 1 ? "1er" : String.valueOf(day.getDayOfMonth())) + " " + MONTH_YEAR.format(day);
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
