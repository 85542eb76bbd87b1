package fr.jalon.invigilators;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.calendar.HalfDay;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssignmentRulesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final UUID DAX = UUID.randomUUID();
    private static final UUID MONT_DE_MARSAN = UUID.randomUUID();
    /** Tuesday 3 March 2026. */
    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 3);

    private static Invigilator marie(Set<HalfDay> weekly, List<Invigilator.Exception> exceptions, int perWeek,
                                     int perMonth) {
        return new Invigilator(UUID.randomUUID(), UUID.randomUUID(), Invigilator.Kind.VOLUNTEER, "Marie", "Lafitte", null,
                null, "40088", true, EnumSet.of(Habilitation.CLEA), perWeek, perMonth, List.of(DAX, MONT_DE_MARSAN), weekly,
                exceptions, true);
    }

    private static final Invigilator FREE_TUESDAYS = marie(EnumSet.of(HalfDay.TUESDAY_MORNING, HalfDay.TUESDAY_AFTERNOON),
            List.of(), 2, 4);

    private static Duty duty(UUID site, LocalDate date, String time) {
        var start = date.atTime(LocalTime.parse(time)).atZone(PARIS).toInstant();
        return new Duty(UUID.randomUUID(), site, date, start, start.plus(Duration.ofMinutes(105)));
    }

    private static List<String> codes(Invigilator who, Duty duty, String time, String type, List<Duty> held) {
        return AssignmentRules.breaches(who, duty, LocalTime.parse(time), type, held, AssignmentRules.DEFAULT_TRAVEL).stream()
                .map(AssignmentRules.Breach::code).toList();
    }

    @Test
    void aFreeQualifiedInvigilatorOnACoveredSiteBreaksNoRule() {
        assertEquals(List.of(), codes(FREE_TUESDAYS, duty(DAX, TUESDAY, "09:30"), "09:30", "PIX", List.of()));
        assertEquals(List.of(), codes(FREE_TUESDAYS, duty(DAX, TUESDAY, "09:30"), "09:30", "CLEA", List.of()));
    }

    @Test
    void eachHardRuleIsNamed() {
        assertEquals(List.of("unavailable"), codes(FREE_TUESDAYS, duty(DAX, TUESDAY.plusDays(1), "09:30"), "09:30", "PIX",
                List.of()));
        assertEquals(List.of("site_not_covered"), codes(FREE_TUESDAYS, duty(UUID.randomUUID(), TUESDAY, "09:30"), "09:30",
                "PIX", List.of()));
        assertEquals(List.of("not_qualified"), codes(FREE_TUESDAYS, duty(DAX, TUESDAY, "09:30"), "09:30",
                "PIX_PLUS_DROIT", List.of()));
    }

    @Test
    void anAbsenceWinsOverTheWeekAndAnExtraDayOpensAnotherDay() {
        Invigilator away = marie(EnumSet.of(HalfDay.TUESDAY_MORNING), List.of(new Invigilator.Exception(
                Invigilator.ExceptionKind.ABSENT, TUESDAY, TUESDAY, "congé"), new Invigilator.Exception(
                Invigilator.ExceptionKind.AVAILABLE, TUESDAY.plusDays(3), TUESDAY.plusDays(3), null)), 2, 4);
        assertEquals(List.of("unavailable"), codes(away, duty(DAX, TUESDAY, "09:30"), "09:30", "PIX", List.of()));
        assertEquals(List.of(), codes(away, duty(DAX, TUESDAY.plusDays(3), "14:00"), "14:00", "PIX", List.of()));
        assertEquals(List.of(), codes(away, duty(DAX, TUESDAY.plusWeeks(1), "09:30"), "09:30", "PIX", List.of()));
    }

    @Test
    void twoSitesNeedTheTravelTimeBetweenSessionsOneSiteDoesNot() {
        Duty morning = duty(DAX, TUESDAY, "09:00");
        // Ends 10:45; 11:15 at the same site is fine, at another site 60 min of travel are missing.
        assertEquals(List.of(), codes(FREE_TUESDAYS, duty(DAX, TUESDAY, "11:15"), "11:15", "PIX", List.of(morning)));
        assertEquals(List.of("overlap"), codes(FREE_TUESDAYS, duty(MONT_DE_MARSAN, TUESDAY, "11:15"), "11:15", "PIX",
                List.of(morning)));
        assertEquals(List.of(), codes(FREE_TUESDAYS, duty(MONT_DE_MARSAN, TUESDAY, "11:45"), "11:45", "PIX",
                List.of(morning)));
        assertEquals(List.of("overlap"), codes(FREE_TUESDAYS, duty(DAX, TUESDAY, "10:00"), "10:00", "PIX", List.of(morning)));
    }

    @Test
    void weeklyAndMonthlyMaximaCountTheSessionsAlreadyHeld() {
        List<Duty> twoThisWeek = List.of(duty(DAX, TUESDAY, "09:00"), duty(DAX, TUESDAY, "14:00"));
        List<String> thirdSameWeek = codes(FREE_TUESDAYS, duty(DAX, TUESDAY, "16:00"), "16:00", "PIX", twoThisWeek);
        assertTrue(thirdSameWeek.contains("week_limit"), thirdSameWeek.toString());
        List<Duty> fourThisMonth = List.of(duty(DAX, TUESDAY, "09:00"), duty(DAX, TUESDAY.plusWeeks(1), "09:00"),
                duty(DAX, TUESDAY.plusWeeks(2), "09:00"), duty(DAX, TUESDAY.plusWeeks(2), "14:00"));
        assertEquals(List.of("month_limit"), codes(FREE_TUESDAYS, duty(DAX, TUESDAY.plusWeeks(3), "09:00"), "09:00", "PIX",
                fourThisMonth));
        assertEquals(List.of(), codes(FREE_TUESDAYS, duty(DAX, LocalDate.of(2026, 4, 7), "09:00"), "09:00", "PIX",
                fourThisMonth), "a new month starts afresh");
    }
}
