package fr.jalon.invigilators;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.HardSoftScore;

/** A period's staffing problem and, once solved, its plan: who takes each place, and the score. */
@PlanningSolution
public class StaffingPlan {

    @ProblemFactCollectionProperty
    private List<Invigilator> pool;
    @PlanningEntityCollectionProperty
    private List<SeatToFill> seats;
    @PlanningScore
    private HardSoftScore score;

    /** For the solver's cloning. */
    public StaffingPlan() {
    }

    StaffingPlan(List<Invigilator> pool, List<SeatToFill> seats) {
        this.pool = pool;
        this.seats = seats;
    }

    List<Invigilator> pool() {
        return pool;
    }

    List<SeatToFill> seats() {
        return seats;
    }

    HardSoftScore score() {
        return score;
    }

    // Accessors in JavaBean form: the solver reads and clones the solution through them.

    public List<Invigilator> getPool() {
        return pool;
    }

    public void setPool(List<Invigilator> pool) {
        this.pool = pool;
    }

    public List<SeatToFill> getSeats() {
        return seats;
    }

    public void setSeats(List<SeatToFill> seats) {
        this.seats = seats;
    }

    public HardSoftScore getScore() {
        return score;
    }

    public void setScore(HardSoftScore score) {
        this.score = score;
    }
}
