package fr.jalon.invigilators;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * One invigilator place of a session (a session needing two has two), filled by the planner with
 * an invigilator of the pool, or left empty when nobody can take it. A locked assignment is pinned.
 */
@PlanningEntity
public class SeatToFill {

    @PlanningId
    private String id;
    private Duty duty;
    private LocalTime localStart;
    private String certificationType;
    @PlanningPin
    private boolean pinned;
    /**
     * Who may take this place at all: the invigilators eligible for it (and whoever holds it
     * already). The solver tries nobody else, so a national month of 6,600 places weighs each
     * place's handful of candidates, not the whole pool of 1,000.
     */
    @ValueRangeProvider(id = "candidates")
    private List<Invigilator> candidates = List.of();
    @PlanningVariable(allowsUnassigned = true, valueRangeProviderRefs = "candidates")
    private Invigilator invigilator;
    /** Who held this place in the published staffing (null if nobody): changing it costs a little. */
    private UUID previous;
    /** Who declined this session: never proposed again for it. */
    private Set<UUID> declined = Set.of();
    /** Time to allow between this session and one at another site. */
    private Duration travel = AssignmentRules.DEFAULT_TRAVEL;
    /** How far each invigilator lives from this session's site ({@link Remoteness}); shared by a site's places. */
    private Map<UUID, Integer> remoteness = Map.of();

    /** For the solver's cloning. */
    public SeatToFill() {
    }

    /** A place to fill, starting from {@code previous} (kept unless the rules or the plan require a change). */
    SeatToFill withHistory(Invigilator previous, Set<UUID> declined) {
        this.previous = previous == null ? null : previous.id();
        this.invigilator = previous;
        this.declined = Set.copyOf(declined);
        return this;
    }

    /** The period's travel buffer and how far each invigilator lives from this place's site. */
    SeatToFill within(Duration travel, Map<UUID, Integer> remoteness) {
        this.travel = travel;
        this.remoteness = remoteness;
        return this;
    }

    Duration travel() {
        return travel;
    }

    /**
     * 0 (lives in the site's commune) to {@link Remoteness#FAR}. Unknown means no preference: only
     * invigilators covering the site are known, and the others are not eligible anyway.
     */
    int remotenessOf(Invigilator who) {
        return who == null ? 0 : remoteness.getOrDefault(who.id(), Remoteness.SAME_COMMUNE);
    }

    UUID previous() {
        return previous;
    }

    Set<UUID> declined() {
        return declined;
    }

    SeatToFill(Duty duty, int index, LocalTime localStart, String certificationType, Invigilator pinnedTo) {
        this.id = duty.sessionId() + "#" + index;
        this.duty = duty;
        this.localStart = localStart;
        this.certificationType = certificationType;
        this.invigilator = pinnedTo;
        this.pinned = pinnedTo != null;
    }

    String id() {
        return id;
    }

    /** Sets who may take this place: the eligible among {@code pool}, and the current holder if any. */
    void allowFrom(List<Invigilator> pool) {
        List<Invigilator> allowed = new ArrayList<>();
        for (Invigilator who : pool) {
            if (who.siteIds().contains(duty.siteId()) && StaffingConstraints.eligible(who, this)) {
                allowed.add(who);
            }
        }
        if (invigilator != null && !allowed.contains(invigilator)) {
            allowed.add(invigilator);
        }
        this.candidates = List.copyOf(allowed);
    }

    Duty duty() {
        return duty;
    }

    LocalTime localStart() {
        return localStart;
    }

    String certificationType() {
        return certificationType;
    }

    boolean pinned() {
        return pinned;
    }

    Invigilator invigilator() {
        return invigilator;
    }

    void assign(Invigilator who) {
        this.invigilator = who;
    }

    // Accessors in JavaBean form: the solver reads, sets and clones entities through them.

    public String getId() {
        return id;
    }

    public boolean isPinned() {
        return pinned;
    }

    public List<Invigilator> getCandidates() {
        return candidates;
    }

    public Invigilator getInvigilator() {
        return invigilator;
    }

    public void setInvigilator(Invigilator invigilator) {
        this.invigilator = invigilator;
    }
}
