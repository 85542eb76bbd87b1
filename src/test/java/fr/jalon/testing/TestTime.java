package fr.jalon.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Time as the tests see it: the application's clock (the one {@link TestDatabase} passes to
 * {@code Application}) and the day in Paris, whatever zone the JVM runs in. Tests never call
 * {@code TestTime.todayInParis()}: the suite runs in {@code Pacific/Honolulu} to prove it.
 */
public final class TestTime {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Clock CLOCK = Clock.systemUTC();

    private TestTime() {
    }

    /** The clock the application under test runs on. */
    public static Clock clock() {
        return CLOCK;
    }

    public static LocalDate todayInParis() {
        return LocalDate.now(CLOCK.withZone(PARIS));
    }

    /** Today in Paris at this wall-clock time. */
    public static Instant at(LocalTime time) {
        return todayInParis().atTime(time).atZone(PARIS).toInstant();
    }

    public static Instant noonInParis() {
        return at(LocalTime.NOON);
    }

    /** The day in Paris of an instant (e.g. the outbox folder a delivery at that instant writes to). */
    public static LocalDate dayInParis(Instant instant) {
        return LocalDate.ofInstant(instant, PARIS);
    }
}
