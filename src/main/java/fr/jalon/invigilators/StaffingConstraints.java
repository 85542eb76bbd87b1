package fr.jalon.invigilators;

import java.time.Duration;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.List;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * The planner's rules. Hard: the same rules as a manual assignment ({@link AssignmentRules}):
 * eligible (active, site, training, habilitation, free that half-day), no overlap counting the
 * travel between sites, weekly and monthly maxima, never someone who declined the session. Soft:
 * every place filled (weighs most), then published places kept, then the load spread evenly
 * (squared counts), then the same invigilator for a site's sessions of a day, and invigilators
 * living near the site ({@link Remoteness}).
 */
public class StaffingConstraints implements ConstraintProvider {

    static final long UNFILLED_WEIGHT = 10_000;
    static final long CHANGE_WEIGHT = 100;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            ineligible(factory), overlapping(factory), weeklyMaximum(factory), monthlyMaximum(factory),
            unfilled(factory), stability(factory), fairness(factory), sameSiteSameDay(factory), nearHome(factory)
        };
    }

    Constraint ineligible(ConstraintFactory factory) {
        return factory.forEach(SeatToFill.class)
                .filter(seat -> !eligible(seat.invigilator(), seat))
                .penalize(HardSoftScore.ONE_HARD)
                .asConstraint("Ineligible invigilator");
    }

    Constraint overlapping(ConstraintFactory factory) {
        return factory.forEachUniquePair(SeatToFill.class, Joiners.equal(SeatToFill::invigilator))
                .filter(StaffingConstraints::clash)
                .penalize(HardSoftScore.ONE_HARD)
                .asConstraint("Overlapping sessions (travel included)");
    }

    Constraint weeklyMaximum(ConstraintFactory factory) {
        return factory.forEach(SeatToFill.class)
                .groupBy(SeatToFill::invigilator, seat -> isoWeek(seat.duty()), ConstraintCollectors.count())
                .filter((who, week, count) -> count > who.maxPerWeek())
                .penalize(HardSoftScore.ONE_HARD, (who, week, count) -> count - who.maxPerWeek())
                .asConstraint("Weekly maximum");
    }

    Constraint monthlyMaximum(ConstraintFactory factory) {
        return factory.forEach(SeatToFill.class)
                .groupBy(SeatToFill::invigilator, seat -> YearMonth.from(seat.duty().date()), ConstraintCollectors.count())
                .filter((who, month, count) -> count > who.maxPerMonth())
                .penalize(HardSoftScore.ONE_HARD, (who, month, count) -> count - who.maxPerMonth())
                .asConstraint("Monthly maximum");
    }

    Constraint unfilled(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(SeatToFill.class)
                .filter(seat -> seat.invigilator() == null)
                .penalize(HardSoftScore.ofSoft(UNFILLED_WEIGHT))
                .asConstraint("Unfilled place");
    }

    /** Re-planning changes as few published places as it must (less than a place left empty). */
    Constraint stability(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(SeatToFill.class)
                .filter(seat -> seat.previous() != null
                        && (seat.invigilator() == null || !seat.invigilator().id().equals(seat.previous())))
                .penalize(HardSoftScore.ofSoft(CHANGE_WEIGHT))
                .asConstraint("Published place changed");
    }

    Constraint fairness(ConstraintFactory factory) {
        return factory.forEach(SeatToFill.class)
                .groupBy(SeatToFill::invigilator, ConstraintCollectors.count())
                .penalize(HardSoftScore.ONE_SOFT, (who, count) -> count * count)
                .asConstraint("Balanced load");
    }

    Constraint sameSiteSameDay(ConstraintFactory factory) {
        return factory.forEach(SeatToFill.class)
                .groupBy(seat -> seat.duty().siteId(), seat -> seat.duty().date(),
                        ConstraintCollectors.countDistinct(SeatToFill::invigilator))
                .penalize(HardSoftScore.ONE_SOFT, (site, day, people) -> people - 1)
                .asConstraint("Same invigilators on a site in a day");
    }

    /** Prefer invigilators living near the site: same commune, then same EPCI, then same département. */
    Constraint nearHome(ConstraintFactory factory) {
        return factory.forEach(SeatToFill.class)
                .penalize(HardSoftScore.ONE_SOFT, seat -> seat.remotenessOf(seat.invigilator()))
                .asConstraint("Site near home");
    }

    /** The rules of one place alone (no other duty): eligibility, not limits. */
    static boolean eligible(Invigilator who, SeatToFill seat) {
        return !seat.declined().contains(who.id()) && AssignmentRules.breaches(who, seat.duty(), seat.localStart(), seat.certificationType(), List.of(), seat.travel())
                .stream().allMatch(b -> b.code().equals("week_limit") || b.code().equals("month_limit"));
    }

    static boolean clash(SeatToFill a, SeatToFill b) {
        if (a.duty().sessionId().equals(b.duty().sessionId())) {
            return true;
        }
        Duration gap = a.duty().siteId().equals(b.duty().siteId()) ? Duration.ZERO : a.travel();
        return a.duty().start().isBefore(b.duty().end().plus(gap)) && b.duty().start().isBefore(a.duty().end().plus(gap));
    }

    private static int isoWeek(Duty duty) {
        return duty.date().get(IsoFields.WEEK_BASED_YEAR) * 100 + duty.date().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
