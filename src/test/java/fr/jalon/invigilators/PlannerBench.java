package fr.jalon.invigilators;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import fr.jalon.bench.BenchSupport.Goal;
import fr.jalon.bench.BenchSupport;
import fr.jalon.centers.Habilitation;
import fr.jalon.platform.calendar.HalfDay;
import fr.jalon.platform.json.Jsons;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The planner on generated instances (seeds fixed). « Département month »: 80 sessions on 6 sites,
 * 20 invigilators — unmet places and soft score after 0.5, 1 and 2 s, next to a bound computed for
 * the instance (every fillable place filled, load spread perfectly evenly); goal: no hard
 * violation and every fillable place filled within 2 s. « National month »: 5,000 sessions on 300
 * sites, 1,000 invigilators — the first plan's time, the score after 30 s and the same max-flow
 * bound; goal (issue 20): at most 5 % of the places below the bound after 30 s.
 */
class PlannerBench {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate MONTH = LocalDate.of(2026, 3, 2);

    @Test
    void departementAndNationalMonths() throws Exception {
        Instance departement = instance(80, 6, 20, 7);
        int fillable = (int) departement.seats().stream().filter(s -> departement.pool().stream()
                .anyMatch(i -> StaffingConstraints.eligible(i, s))).count();
        int fillableTogether = MostFillable.of(departement.pool(), departement.seats());
        long bound = -(long) (departement.seats().size() - fillableTogether) * StaffingConstraints.UNFILLED_WEIGHT
                - evenSquares(fillableTogether, departement.pool().size());
        var rows = Jsons.createArrayBuilder();
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                "planner: departement month (80 sessions, %d places, %d fillable one by one, at most %d together,"
                        + " 20 invigilators, 6 sites), bound %d soft;",
                departement.seats().size(), fillable, fillableTogether, bound));
        boolean goalMet = false;
        int unmetAtTwoSeconds = -1;
        int unmetAtTen = -1;
        // 10 s as a reference: how far the 2-s plan is from what the solver finds given five times longer.
        for (long millis : new long[] {500, 1_000, 2_000, 10_000}) {
            Instance fresh = instance(80, 6, 20, 7);
            long started = System.nanoTime();
            Planner.Result result = Planner.solve(fresh.pool(), fresh.seats(), Duration.ofMillis(millis));
            double seconds = (System.nanoTime() - started) / 1e9;
            assertEquals(0, result.score().hardScore());
            int unmet = result.unmet().size();
            boolean allFilled = unmet == fresh.seats().size() - fillableTogether;
            goalMet |= allFilled && millis <= 2_000;
            if (millis == 2_000) {
                unmetAtTwoSeconds = unmet;
            } else if (millis == 10_000) {
                unmetAtTen = unmet;
            }
            rows.add(Jsons.createObjectBuilder().add("limitMillis", millis).add("seconds", BenchSupport.round(seconds))
                    .add("score", result.score().toString()).add("unmet", unmet)
                    .add("gapToBound", bound - result.score().softScore()));
            summary.append(String.format(Locale.ROOT, " %d ms: %s, %d unmet, gap %d;", millis, result.score(), unmet,
                    bound - result.score().softScore()));
        }
        // "At most together" is a maximum flow (MostFillable): a relaxation, so an upper bound on the places
        // any plan fills; the soft bound adds a perfectly even load on top.
        summary.append(" every place fillable together filled within 2 s: ").append(goalMet ? "yes" : "no")
                .append(", places filled at 2 s = at 10 s: ").append(unmetAtTwoSeconds == unmetAtTen ? "yes" : "no");

        Instance national = instance(5_000, 300, 1_000, 11);
        long boundStarted = System.nanoTime();
        int nationalTogether = MostFillable.of(national.pool(), national.seats());
        double boundSeconds = (System.nanoTime() - boundStarted) / 1e9;
        long started = System.nanoTime();
        Planner.Result first = Planner.solve(national.pool(), national.seats(), Duration.ofMillis(1));
        double firstSeconds = (System.nanoTime() - started) / 1e9;
        Instance again = instance(5_000, 300, 1_000, 11);
        Planner.Result thirty = Planner.solve(again.pool(), again.seats(), Duration.ofSeconds(30));
        assertEquals(0, thirty.score().hardScore());
        int filled = national.seats().size() - thirty.unmet().size();
        // Places the bound says could be filled together and the 30-s plan leaves empty, out of all places.
        double belowBound = (double) (nationalTogether - filled) / national.seats().size();
        summary.append(String.format(Locale.ROOT,
                "; national month (5,000 sessions, %d places, 1,000 invigilators, 300 sites): at most %d fillable "
                        + "together (max flow, %.1f s); first plan in %.1f s (%s, %d unmet), after 30 s %s, %d filled "
                        + "= %.1f %% of places below the bound", national.seats().size(), nationalTogether, boundSeconds,
                firstSeconds, first.score(), first.unmet().size(), thirty.score(), filled, belowBound * 100));
        BenchSupport.report("planner", Jsons.createObjectBuilder()
                .add("name", "planner")
                .add("departement", Jsons.createObjectBuilder().add("places", departement.seats().size())
                        .add("fillable", fillable).add("fillableTogether", fillableTogether).add("softBound", bound).add("runs", rows).add("goalMet", goalMet))
                .add("national", Jsons.createObjectBuilder().add("places", national.seats().size())
                        .add("fillableTogether", nationalTogether).add("boundSeconds", BenchSupport.round(boundSeconds))
                        .add("firstPlanSeconds", BenchSupport.round(firstSeconds)).add("firstScore", first.score().toString())
                        .add("scoreAfter30s", thirty.score().toString()).add("filledAfter30s", filled)
                        .add("unmetAfter30s", thirty.unmet().size())
                        .add("placesBelowBound", BenchSupport.round(belowBound))),
                summary.toString(), Goal.equalTo("departement.goalMet", 1), Goal.atMost("national.placesBelowBound", 0.05));
    }

    /** Least sum of squared loads for {@code places} spread over {@code people}: as even as possible. */
    static long evenSquares(int places, int people) {
        long q = places / people;
        long r = places % people;
        return r * (q + 1) * (q + 1) + (people - r) * q * q;
    }

    private record Instance(List<Invigilator> pool, List<SeatToFill> seats) {
    }

    /** Sessions on weekdays of a month at four times; invigilators covering 1–3 sites, free on 4–8 half-days. */
    private static Instance instance(int sessions, int sites, int people, long seed) {
        Random random = new Random(seed);
        List<UUID> siteIds = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            siteIds.add(new UUID(seed, s));
        }
        List<Invigilator> pool = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            List<UUID> covered = new ArrayList<>();
            int home = random.nextInt(sites);
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                UUID site = siteIds.get((home + k) % sites);
                if (!covered.contains(site)) {
                    covered.add(site);
                }
            }
            Set<HalfDay> weekly = EnumSet.noneOf(HalfDay.class);
            while (weekly.size() < 4 + random.nextInt(5)) {
                weekly.add(HalfDay.values()[random.nextInt(10)]);
            }
            pool.add(new Invigilator(new UUID(seed + 1, i), UUID.randomUUID(), Invigilator.Kind.EMPLOYEE, "P" + i, "Bench",
                    null, null, "40088", random.nextInt(10) > 0, random.nextBoolean() ? EnumSet.of(Habilitation.CLEA)
                    : EnumSet.noneOf(Habilitation.class), 2 + random.nextInt(3), 6 + random.nextInt(6), covered, weekly,
                    List.of(), true));
        }
        String[] times = {"09:00", "10:45", "14:00", "15:45"};
        List<SeatToFill> seats = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            LocalDate day = MONTH.plusDays(random.nextInt(4) * 7L + random.nextInt(5));
            LocalTime start = LocalTime.parse(times[random.nextInt(times.length)]);
            var at = day.atTime(start).atZone(PARIS).toInstant();
            Duty duty = new Duty(new UUID(seed + 2, s), siteIds.get(random.nextInt(sites)), day, at,
                    at.plus(Duration.ofMinutes(105)));
            String type = random.nextInt(10) == 0 ? "CLEA" : "PIX";
            int places = new StaffingRule(20).required(random.nextInt(31));
            for (int p = 0; p < places; p++) {
                seats.add(new SeatToFill(duty, p, start, type, null));
            }
        }
        return new Instance(pool, seats);
    }
}
