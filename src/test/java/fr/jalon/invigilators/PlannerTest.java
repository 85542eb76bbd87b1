package fr.jalon.invigilators;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.calendar.HalfDay;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlannerTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final UUID DAX = UUID.randomUUID();
    private static final UUID MONT = UUID.randomUUID();

    private static Invigilator invigilator(String name, List<UUID> sites, Set<HalfDay> weekly, int perWeek) {
        return new Invigilator(UUID.randomUUID(), UUID.randomUUID(), Invigilator.Kind.EMPLOYEE, name, "Test", null, null,
                "40088", true, EnumSet.noneOf(Habilitation.class), perWeek, perWeek * 5, sites, weekly, List.of(), true);
    }

    private static SeatToFill seat(UUID site, LocalDate day, String time, int index, UUID session) {
        LocalTime start = LocalTime.parse(time);
        var at = day.atTime(start).atZone(PARIS).toInstant();
        return new SeatToFill(new Duty(session, site, day, at, at.plus(Duration.ofMinutes(105))), index, start, "PIX", null);
    }

    @Test
    void aSmallInstanceReachesItsKnownOptimum() {
        // Two simultaneous sessions on two sites; each invigilator covers one site: one way to fill both.
        Invigilator atDax = invigilator("Dax", List.of(DAX), EnumSet.allOf(HalfDay.class), 5);
        Invigilator atMont = invigilator("Mont", List.of(MONT), EnumSet.allOf(HalfDay.class), 5);
        SeatToFill dax = seat(DAX, MONDAY, "09:00", 0, UUID.randomUUID());
        SeatToFill mont = seat(MONT, MONDAY, "09:00", 0, UUID.randomUUID());

        Planner.Result result = Planner.solve(List.of(atMont, atDax), List.of(dax, mont), Duration.ofSeconds(2));

        assertEquals(0, result.score().hardScore());
        assertEquals(-2, result.score().softScore(), "both filled, one session each (1² + 1²)");
        assertEquals(List.of(), result.unmet());
    }

    @Test
    void theInvigilatorLivingNearTheSiteIsPreferredWhenLoadIsEqual() {
        // Two sessions at Dax a week apart, two invigilators covering Dax: one lives in Dax, one in another EPCI.
        Invigilator local = invigilator("Local", List.of(DAX), EnumSet.allOf(HalfDay.class), 5);
        Invigilator remote = invigilator("Remote", List.of(DAX), EnumSet.allOf(HalfDay.class), 5);
        var remoteness = Map.of(local.id(), Remoteness.SAME_COMMUNE, remote.id(), Remoteness.SAME_DEPARTEMENT);
        SeatToFill first = seat(DAX, MONDAY, "09:00", 0, UUID.randomUUID()).within(Duration.ofMinutes(60), remoteness);
        SeatToFill second = seat(DAX, MONDAY.plusDays(7), "09:00", 0, UUID.randomUUID())
                .within(Duration.ofMinutes(60), remoteness);

        Planner.Result result = Planner.solve(List.of(remote, local), List.of(first, second), Duration.ofSeconds(2));

        // Both to Local: 2² = 4 for load; one each: 1 + 1 for load + 2 for the remote one's distance = 4;
        // both filled by Local also keeps one invigilator per site-day (no penalty either way): a tie at -4.
        assertEquals(0, result.score().hardScore());
        assertEquals(-4, result.score().softScore());
        assertTrue(result.seats().stream().anyMatch(seat -> seat.invigilator().id().equals(local.id())),
                "the local invigilator takes at least one session");
    }

    @Test
    void theBenchBoundCountsPlacesFillableTogetherNotOneByOne() {
        Invigilator alone = invigilator("Seule", List.of(DAX), EnumSet.allOf(HalfDay.class), 2);
        List<SeatToFill> seats = List.of(seat(DAX, MONDAY, "09:00", 0, UUID.randomUUID()),
                seat(DAX, MONDAY, "09:00", 0, UUID.randomUUID()), seat(DAX, MONDAY, "14:00", 0, UUID.randomUUID()),
                seat(DAX, MONDAY.plusDays(1), "09:00", 0, UUID.randomUUID()));
        // Four places she could take one by one; together: one per start time, two in the week.
        assertEquals(2, MostFillable.of(List.of(alone), seats));
        assertEquals(2, 4 - Planner.solve(List.of(alone), seats, Duration.ofSeconds(1)).unmet().size(),
                "the planner reaches the bound");
    }

    @Test
    void aTravelBufferLongerThanTheGapKeepsOnePersonFromTwoSites() {
        Invigilator both = invigilator("Both", List.of(DAX, MONT), EnumSet.allOf(HalfDay.class), 5);
        // 09:00–10:45 at Dax, then 12:00 at Mont: 75 minutes apart.
        SeatToFill morning = seat(DAX, MONDAY, "09:00", 0, UUID.randomUUID());
        SeatToFill noon = seat(MONT, MONDAY, "12:00", 0, UUID.randomUUID());

        assertEquals(0, Planner.solve(List.of(both), List.of(morning.within(Duration.ofMinutes(60), Map.of()),
                noon.within(Duration.ofMinutes(60), Map.of())), Duration.ofSeconds(1)).unmet().size(),
                "an hour's travel fits in 75 minutes");
        SeatToFill morning2 = seat(DAX, MONDAY, "09:00", 0, UUID.randomUUID()).within(Duration.ofMinutes(90), Map.of());
        SeatToFill noon2 = seat(MONT, MONDAY, "12:00", 0, UUID.randomUUID()).within(Duration.ofMinutes(90), Map.of());
        assertEquals(1, Planner.solve(List.of(both), List.of(morning2, noon2), Duration.ofSeconds(1)).unmet().size(),
                "an hour and a half does not");
    }

    @Test
    void anInfeasiblePeriodStillGetsItsBestPlanWithReasons() {
        Invigilator onlyDax = invigilator("Dax", List.of(DAX), EnumSet.of(HalfDay.MONDAY_MORNING), 5);
        SeatToFill covered = seat(DAX, MONDAY, "09:00", 0, UUID.randomUUID());
        SeatToFill nobodyThere = seat(MONT, MONDAY, "09:00", 0, UUID.randomUUID());
        SeatToFill afternoon = seat(DAX, MONDAY, "14:00", 0, UUID.randomUUID());

        Planner.Result result = Planner.solve(List.of(onlyDax), List.of(covered, nobodyThere, afternoon),
                Duration.ofSeconds(2));

        assertEquals(0, result.score().hardScore(), "never a broken hard rule");
        assertEquals(2, result.unmet().size());
        assertTrue(result.unmet().stream().anyMatch(u -> u.seat() == nobodyThere || u.seat().id().equals(nobodyThere.id())
                && u.reason().contains("ne couvre ce site")), result.unmet().toString());
        assertTrue(result.unmet().stream().anyMatch(u -> u.seat().id().equals(afternoon.id())
                && u.reason().contains("disponible")), result.unmet().toString());
    }

    @Test
    void aPlanNeverBreaksAHardRuleOnRandomInstances() {
        Random random = new Random(42);
        for (int instance = 0; instance < 5; instance++) {
            List<Invigilator> pool = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Set<HalfDay> weekly = EnumSet.noneOf(HalfDay.class);
                for (HalfDay h : HalfDay.values()) {
                    if (random.nextInt(3) > 0) {
                        weekly.add(h);
                    }
                }
                pool.add(invigilator("P" + i, random.nextBoolean() ? List.of(DAX) : List.of(DAX, MONT), weekly,
                        1 + random.nextInt(3)));
            }
            List<SeatToFill> seats = new ArrayList<>();
            for (int s = 0; s < 8; s++) {
                UUID session = UUID.randomUUID();
                LocalDate day = MONDAY.plusDays(random.nextInt(5));
                String time = random.nextBoolean() ? "09:00" : "14:00";
                UUID site = random.nextBoolean() ? DAX : MONT;
                int places = 1 + random.nextInt(2);
                for (int p = 0; p < places; p++) {
                    seats.add(seat(site, day, time, p, session));
                }
            }
            Planner.Result result = Planner.solve(pool, seats, Duration.ofMillis(800));
            assertEquals(0, result.score().hardScore(), "instance " + instance);
            for (SeatToFill seat : result.seats()) {
                if (seat.invigilator() == null) {
                    continue;
                }
                List<AssignmentRules.Breach> breaches = AssignmentRules.breaches(seat.invigilator(), seat.duty(),
                        seat.localStart(), seat.certificationType(), Planner.dutiesOf(seat.invigilator(), result.seats(), seat)
                                .stream().filter(d -> !d.sessionId().equals(seat.duty().sessionId())).toList(),
                        AssignmentRules.DEFAULT_TRAVEL);
                assertEquals(List.of(), breaches, "instance " + instance + ", place " + seat.id());
                assertTrue(result.seats().stream().filter(o -> o != seat && o.duty().sessionId().equals(seat.duty().sessionId()))
                        .noneMatch(o -> seat.invigilator().equals(o.invigilator())), "one person per place of a session");
            }
        }
    }

    @Test
    void aPinnedPlaceIsKept() {
        Invigilator a = invigilator("A", List.of(DAX), EnumSet.allOf(HalfDay.class), 5);
        Invigilator b = invigilator("B", List.of(DAX), EnumSet.allOf(HalfDay.class), 5);
        var at = MONDAY.atTime(9, 0).atZone(PARIS).toInstant();
        SeatToFill locked = new SeatToFill(new Duty(UUID.randomUUID(), DAX, MONDAY, at, at.plus(Duration.ofMinutes(105))), 0,
                LocalTime.of(9, 0), "PIX", b);
        Planner.Result result = Planner.solve(List.of(a, b), List.of(locked), Duration.ofMillis(500));
        assertEquals(b, result.seats().getFirst().invigilator());
    }
}
