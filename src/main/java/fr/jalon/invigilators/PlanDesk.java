package fr.jalon.invigilators;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.sessions.Sessions;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * Automatic staffing of a period: builds the problem (every upcoming session's places, the
 * active pool, locked assignments pinned, current ones as the starting point), solves it within
 * a time limit, keeps the draft, and publishes it on demand — replacing the period's unlocked
 * assignments.
 */
final class PlanDesk {

    static final int MAX_PERIOD_DAYS = 93;

    private final Transactions transactions;
    private final InvigilatorRepository pool;
    private final AssignmentRepository assignments;
    private final PoolPlacesReadModel places = new PoolPlacesReadModel();
    private final Sessions sessions;
    private final Centers centers;
    private final AuditLog audit;
    private final Clock clock;
    private final PlanRepository plans = new PlanRepository();
    private final AssignmentAnnouncer announcer;
    private final Duration travel;

    PlanDesk(Transactions transactions, InvigilatorRepository pool, AssignmentRepository assignments, Sessions sessions,
             Centers centers, AuditLog audit, Clock clock, AssignmentAnnouncer announcer,
             Duration travel) {
        this.transactions = transactions;
        this.pool = pool;
        this.assignments = assignments;
        this.sessions = sessions;
        this.centers = centers;
        this.audit = audit;
        this.clock = clock;
        this.announcer = announcer;
        this.travel = travel;
    }

    JsonObject plan(Principal actor, UUID centerId, LocalDate from, LocalDate to, Duration limit) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        UUID center = actor.isAdmin() ? centerId : actor.scopeId();
        if (center == null) {
            throw ApiProblem.invalidField("centerId", "required", "Indiquez le centre (« centerId »).");
        }
        if (to.isBefore(from)) {
            throw ApiProblem.invalidField("to", "before_from", "La fin de la période précède son début.");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_PERIOD_DAYS) {
            throw ApiProblem.invalidField("to", "too_long", "Une planification couvre au plus 3 mois.");
        }
        Problem problem = transactions.inTransaction(tx -> {
            StaffingRule rule = new StaffingRule(centers.staffRatio(tx, center));
            List<Invigilator> active = pool.ofCenter(tx, center, 5_000).stream().filter(Invigilator::active).toList();
            Map<UUID, Map<UUID, Integer>> remoteness = places.remotenessBySite(tx, center);
            Map<UUID, Invigilator> byId = new HashMap<>();
            active.forEach(i -> byId.put(i.id(), i));
            List<SeatToFill> seats = new ArrayList<>();
            List<Sessions.SessionKit> upcoming = sessions.kitsOfCenter(tx, center, from, to).stream()
                    .filter(kit -> kit.session().slot().startsAt().isAfter(clock.instant())).toList();
            Map<UUID, List<Assignment>> held = assignments.ofSessions(tx,
                    upcoming.stream().map(kit -> kit.session().id()).toList());
            for (Sessions.SessionKit kit : upcoming) {
                var s = kit.session();
                Duty duty = new Duty(s.id(), s.siteId(), s.slot().date(), s.slot().startsAt(), s.slot().endsAt());
                List<Assignment> all = held.getOrDefault(s.id(), List.of());
                Set<UUID> declined = all.stream().filter(a -> a.status().equals("DECLINED"))
                        .map(Assignment::invigilatorId).collect(Collectors.toSet());
                List<Assignment> current = all.stream()
                        .filter(a -> !a.status().equals("DECLINED") && byId.containsKey(a.invigilatorId())).toList();
                int index = 0;
                for (Assignment a : current.stream().filter(Assignment::locked).toList()) {
                    seats.add(new SeatToFill(duty, index++, s.slot().startTime(), s.certificationType(),
                            byId.get(a.invigilatorId())).within(travel, remoteness.getOrDefault(s.siteId(), Map.of())));
                }
                List<Assignment> unlocked = current.stream().filter(a -> !a.locked()).toList();
                for (int k = 0; index < rule.required(s.seatsTaken()); k++) {
                    SeatToFill seat = new SeatToFill(duty, index++, s.slot().startTime(), s.certificationType(), null)
                            .within(travel, remoteness.getOrDefault(s.siteId(), Map.of()));
                    seats.add(seat.withHistory(k < unlocked.size() ? byId.get(unlocked.get(k).invigilatorId()) : null,
                            declined));
                }
            }
            return new Problem(active, seats);
        });
        if (problem.seats().isEmpty()) {
            throw ApiProblem.invalidField("from", "empty_period", "Aucune session à venir à pourvoir dans cette période.");
        }
        Planner.Result result = Planner.solve(problem.pool(), problem.seats(), limit);
        JsonObject body = json(result);
        return transactions.inTransaction(tx -> {
            UUID id = plans.insert(tx, center, from, to, result.score().toString(), body);
            audit.record(tx, actor, "assignment-plan.create", "assignment_plan", id);
            // The plan names its invigilators: a read of their personal data.
            audit.recordMany(tx, actor, "invigilator.read", "invigilator", body.getJsonArray("assignments")
                    .getValuesAs(JsonObject.class).stream().map(a -> a.getString("invigilatorId")).distinct().toList());
            return Jsons.createObjectBuilder(body).add("id", id.toString()).build();
        });
    }

    /**
     * Makes a draft the current staffing: the period's unlocked assignments the plan drops go, the
     * new ones are announced to their invigilators (through the notifications' outbox).
     */
    JsonObject publish(Principal actor, UUID planId) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            PlanRepository.Draft draft = plans.lock(tx, planId).filter(d -> actor.managesCenter(d.centerId()))
                    .orElseThrow(() -> ApiProblem.notFound("Aucun plan ne correspond à cet identifiant."));
            if (draft.publishedAt() != null) {
                throw ApiProblem.conflict("Ce plan est déjà publié.");
            }
            List<UUID> sessionIds = draft.plan().getJsonArray("sessions").getValuesAs(JsonString.class).stream()
                    .map(v -> UUID.fromString(v.getString())).toList();
            List<UUID[]> planned = draft.plan().getJsonArray("assignments").getValuesAs(JsonObject.class).stream()
                    .map(a -> new UUID[] {UUID.fromString(a.getString("sessionId")),
                            UUID.fromString(a.getString("invigilatorId"))})
                    .toList();
            assignments.removeUnlockedExcept(tx, sessionIds, planned);
            List<UUID> created = assignments.insertAbsent(tx, planned);
            announcer.announce(tx, created);
            plans.markPublished(tx, planId);
            audit.record(tx, actor, "assignment-plan.publish", "assignment_plan", planId);
            return Jsons.createObjectBuilder().add("id", planId.toString()).add("published", true)
                    .add("assignmentsCreated", created.size()).build();
        });
    }

    private record Problem(List<Invigilator> pool, List<SeatToFill> seats) {
    }

    private static JsonObject json(Planner.Result result) {
        JsonArrayBuilder assigned = Jsons.createArrayBuilder();
        JsonArrayBuilder unmet = Jsons.createArrayBuilder();
        Set<String> sessions = new LinkedHashSet<>();
        for (SeatToFill seat : result.seats()) {
            sessions.add(seat.duty().sessionId().toString());
            if (seat.invigilator() != null) {
                assigned.add(Jsons.createObjectBuilder().add("sessionId", seat.duty().sessionId().toString())
                        .add("date", seat.duty().date().toString()).add("startTime", seat.localStart().toString())
                        .add("siteId", seat.duty().siteId().toString())
                        .add("invigilatorId", seat.invigilator().id().toString())
                        .add("invigilator", seat.invigilator().firstName() + " " + seat.invigilator().lastName())
                        .add("locked", seat.pinned()));
            }
        }
        for (Planner.Unmet u : result.unmet()) {
            unmet.add(Jsons.createObjectBuilder().add("sessionId", u.seat().duty().sessionId().toString())
                    .add("date", u.seat().duty().date().toString()).add("startTime", u.seat().localStart().toString())
                    .add("reason", u.reason()));
        }
        return Jsons.createObjectBuilder()
                .add("score", result.score().toString())
                .add("feasible", result.score().isFeasible())
                .add("places", result.seats().size())
                .add("filled", result.seats().size() - result.unmet().size())
                .add("sessions", Jsons.createArrayBuilder(List.copyOf(sessions)))
                .add("assignments", assigned)
                .add("unmet", unmet)
                .build();
    }
}
