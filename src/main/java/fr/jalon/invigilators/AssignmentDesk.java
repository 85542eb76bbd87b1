package fr.jalon.invigilators;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.validation.FieldError;
import fr.jalon.sessions.SessionView;
import fr.jalon.sessions.Sessions;

/**
 * Manual assignment of an invigilator to a session, checked against every hard rule. The
 * invigilator's row is locked first: two staff members (or two instances) assigning the same
 * person at once are served one after the other, so the overlap and limit checks hold.
 */
final class AssignmentDesk {

    private final Transactions transactions;
    private final AssignmentRepository assignments;
    private final DutiesReadModel duties = new DutiesReadModel();
    private final InvigilatorRepository invigilators;
    private final Sessions sessions;
    private final AuditLog audit;
    private final AssignmentAnnouncer announcer;
    private final Duration travel;

    AssignmentDesk(Transactions transactions, AssignmentRepository assignments, InvigilatorRepository invigilators,
                   Sessions sessions, AuditLog audit, AssignmentAnnouncer announcer,
                   Duration travel) {
        this.transactions = transactions;
        this.assignments = assignments;
        this.invigilators = invigilators;
        this.sessions = sessions;
        this.audit = audit;
        this.announcer = announcer;
        this.travel = travel;
    }

    Assignment assign(Principal actor, UUID sessionId, UUID invigilatorId, boolean locked) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            SessionView session = sessions.visible(actor, tx, sessionId);
            if (session.status().name().equals("CANCELLED")) {
                throw ApiProblem.conflict("Cette session est annulée.");
            }
            Invigilator who = invigilators.find(tx, invigilatorId, true)
                    .filter(i -> i.centerId().equals(session.centerId()))
                    .orElseThrow(() -> ApiProblem.invalidField("invigilatorId", "unknown_invigilator",
                            "Ce surveillant n'appartient pas au vivier du centre de la session."));
            var slot = session.slot();
            Duty duty = new Duty(session.id(), session.siteId(), slot.date(), slot.startsAt(), slot.endsAt());
            List<Duty> held = duties.dutiesOf(tx, invigilatorId, slot.date().withDayOfMonth(1).minusDays(7),
                    slot.date().withDayOfMonth(slot.date().lengthOfMonth()).plusDays(7));
            List<AssignmentRules.Breach> breaches = AssignmentRules.breaches(who, duty, slot.startTime(),
                    session.certificationType(), held, travel);
            if (!breaches.isEmpty()) {
                throw ApiProblem.validation(breaches.stream()
                        .map(b -> FieldError.of("invigilatorId", b.code(), b.message())).toList());
            }
            UUID id = assignments.insert(tx, sessionId, invigilatorId, locked);
            announcer.announce(tx, List.of(id));
            audit.record(tx, actor, "assignment.create", "assignment", id);
            return assignments.find(tx, id).orElseThrow();
        });
    }

    List<Assignment> ofSession(Principal actor, UUID sessionId) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            sessions.visible(actor, tx, sessionId);
            List<Assignment> found = assignments.ofSession(tx, sessionId);
            // Each entry names its invigilator: a read of their personal data.
            audit.recordMany(tx, actor, "invigilator.read", "invigilator",
                    found.stream().map(a -> a.invigilatorId().toString()).distinct().toList());
            return found;
        });
    }

    /** The signed-in invigilator's upcoming sessions. */
    List<MyAssignment> mine(Principal actor) {
        actor.requireRole(Role.INVIGILATOR);
        return transactions.inTransaction(tx -> invigilators.ofUser(tx, actor.userId())
                .map(id -> duties.upcomingOf(tx, id)).orElse(List.of()));
    }

    /** The invigilator confirms, or declines with a reason (the centre then re-plans that place). */
    void answer(Principal actor, UUID assignmentId, boolean confirm, String reason) {
        actor.requireRole(Role.INVIGILATOR);
        if (!confirm && (reason == null || reason.isBlank())) {
            throw ApiProblem.invalidField("reason", "required", "Indiquez pourquoi vous déclinez (« reason »).");
        }
        transactions.run(tx -> {
            UUID me = invigilators.ofUser(tx, actor.userId())
                    .orElseThrow(() -> ApiProblem.notFound("Aucune affectation ne correspond à cet identifiant."));
            if (!assignments.answer(tx, assignmentId, me, confirm ? "CONFIRMED" : "DECLINED", confirm ? null : reason)) {
                throw ApiProblem.notFound("Aucune affectation ne correspond à cet identifiant.");
            }
            audit.record(tx, actor, confirm ? "assignment.confirm" : "assignment.decline", "assignment", assignmentId);
        });
    }

    void remove(Principal actor, UUID id) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        transactions.run(tx -> {
            Assignment entry = assignments.find(tx, id)
                    .orElseThrow(() -> ApiProblem.notFound("Aucune affectation ne correspond à cet identifiant."));
            try {
                sessions.visible(actor, tx, entry.sessionId());
            } catch (ApiProblem notVisible) {
                throw ApiProblem.notFound("Aucune affectation ne correspond à cet identifiant.");
            }
            assignments.delete(tx, id);
            audit.record(tx, actor, "assignment.delete", "assignment", id);
        });
    }
}
