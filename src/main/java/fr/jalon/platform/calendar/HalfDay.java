package fr.jalon.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A half-day of the week someone is free (a referred person, an invigilator); the morning ends at 13:00. */
public enum HalfDay {
    MONDAY_MORNING, MONDAY_AFTERNOON, TUESDAY_MORNING, TUESDAY_AFTERNOON, WEDNESDAY_MORNING, WEDNESDAY_AFTERNOON,
    THURSDAY_MORNING, THURSDAY_AFTERNOON, FRIDAY_MORNING, FRIDAY_AFTERNOON, SATURDAY_MORNING, SATURDAY_AFTERNOON;

    public static final LocalTime NOON = LocalTime.of(13, 0);

    public DayOfWeek day() {
        return DayOfWeek.valueOf(name().substring(0, name().indexOf('_')));
    }

    public boolean morning() {
        return name().endsWith("_MORNING");
    }

    /** Whether a session starting at this day and time fits this half-day. */
    public boolean fits(DayOfWeek day, LocalTime start) {
        return day == day() && (start.isBefore(NOON) == morning());
    }
}
