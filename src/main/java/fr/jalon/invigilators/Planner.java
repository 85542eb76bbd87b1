package fr.jalon.invigilators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * Solves a period's staffing with Timefold Solver within a time limit, and explains every place
 * left empty. Locked (pinned) places stay as they are. An infeasible period still gets its best
 * plan: places that cannot be filled are left empty, never filled against a hard rule.
 */
final class Planner {

    /** An empty place and why nobody could take it, in French for staff. */
    record Unmet(SeatToFill seat, String reason) {
    }

    /** The best plan found, its score, and the unmet needs. */
    record Result(List<SeatToFill> seats, HardSoftScore score, List<Unmet> unmet) {
    }

    /** Built once: the factory generates the domain's accessor classes, which each solve then reuses. */
    private static final SolverFactory<StaffingPlan> FACTORY = SolverFactory.create(new SolverConfig()
            .withSolutionClass(StaffingPlan.class)
            .withEntityClasses(SeatToFill.class)
            .withConstraintProviderClass(StaffingConstraints.class)
            .withTerminationSpentLimit(Duration.ofSeconds(5)));

    private Planner() {
    }

    /** The best plan within {@code limit}; the search also stops after a quarter of it without improvement. */
    static Result solve(List<Invigilator> pool, List<SeatToFill> seats, Duration limit) {
        Duration unimproved = limit.dividedBy(4).isZero() ? limit : limit.dividedBy(4);
        Solver<StaffingPlan> solver = FACTORY.buildSolver(new SolverConfigOverride()
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit).withUnimprovedSpentLimit(unimproved)));
        seats.forEach(seat -> seat.allowFrom(pool));
        StaffingPlan solved = solver.solve(new StaffingPlan(pool, seats));
        List<Unmet> unmet = new ArrayList<>();
        for (SeatToFill seat : solved.seats()) {
            if (seat.invigilator() == null) {
                unmet.add(new Unmet(seat, why(seat, pool, solved.seats())));
            }
        }
        return new Result(solved.seats(), solved.score(), unmet);
    }

    /** Why nobody could take this place: the first rule that rules out the whole pool. */
    static String why(SeatToFill seat, List<Invigilator> pool, List<SeatToFill> plan) {
        List<Invigilator> active = pool.stream().filter(Invigilator::active).toList();
        List<Invigilator> covering = active.stream().filter(i -> i.siteIds().contains(seat.duty().siteId())).toList();
        if (covering.isEmpty()) {
            return "Aucun surveillant actif ne couvre ce site.";
        }
        List<Invigilator> qualified = covering.stream().filter(i -> i.trainedPix()
                && (AssignmentRules.CORE_CERTIFICATION.equals(seat.certificationType())
                || i.habilitations().stream().anyMatch(h -> h.name().equals(seat.certificationType())))).toList();
        if (qualified.isEmpty()) {
            return "Aucun surveillant de ce site n'est qualifié (formation Pix ou habilitation demandée).";
        }
        Duty duty = seat.duty();
        List<Invigilator> free = qualified.stream()
                .filter(i -> AssignmentRules.isFree(i, duty, seat.localStart())).toList();
        if (free.isEmpty()) {
            return "Aucun surveillant qualifié n'est disponible à cette date et cette demi-journée.";
        }
        return "Tous les surveillants disponibles sont déjà pris à cette heure ou à leur maximum de sessions ("
                + free.size() + " examiné(s)).";
    }

    /** The duties a plan gives an invigilator, apart from one place (to re-check a place against the rules). */
    static List<Duty> dutiesOf(Invigilator who, List<SeatToFill> plan, SeatToFill except) {
        return plan.stream().filter(s -> s != except && Objects.equals(s.invigilator(), who)).map(SeatToFill::duty).toList();
    }
}
