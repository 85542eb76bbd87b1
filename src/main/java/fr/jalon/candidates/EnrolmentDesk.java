package fr.jalon.candidates;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.FieldError;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.sessions.SessionStatus;
import fr.jalon.sessions.SessionView;
import fr.jalon.sessions.Sessions;

import io.helidon.dbclient.DbExecute;

import jakarta.json.Json;

/**
 * Use cases of enrolments: enrol, change, cancel, transfer, and the waiting list. Seats are
 * taken by a conditional update in PostgreSQL under the session's row lock, so capacity holds
 * across any number of instances; the person's row lock keeps their sessions from overlapping.
 */
final class EnrolmentDesk {

    static final String CREATED = "ENROLMENT_CREATED";
    static final String PROMOTED = "ENROLMENT_PROMOTED";
    static final String TRANSFERRED = "ENROLMENT_TRANSFERRED";
    static final String CANCELLED = "ENROLMENT_CANCELLED";

    private final Transactions transactions;
    private final Sessions sessions;
    private final Centers centers;
    private final PersonRepository people;
    private final EnrolmentRepository enrolments;
    private final AuditLog audit;
    private final DomainEvents events;
    private final Clock clock;

    EnrolmentDesk(Transactions transactions, Sessions sessions, Centers centers, PersonRepository people,
                  EnrolmentRepository enrolments, AuditLog audit, DomainEvents events, Clock clock) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.centers = centers;
        this.people = people;
        this.enrolments = enrolments;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The enrolment made, and whether the person was found again rather than created. */
    record Outcome(Enrolment enrolment, boolean personMatched) {
    }

    Outcome enrol(Principal actor, UUID sessionId, PersonRequest who, EnrolmentTerms terms, Origin origin,
                  String originReference) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            SessionView session = openSession(actor, tx, sessionId);
            checkTerms(tx, session, terms);
            boolean[] matched = {false};
            UUID personId = switch (who) {
                case PersonRequest.Existing existing -> knownPerson(actor, tx, existing.personId());
                case PersonRequest.Described described -> {
                    people.lockIdentity(tx, described.draft().identityKey());
                    var found = people.findMatch(tx, described.draft());
                    matched[0] = found.isPresent();
                    if (found.isPresent()) {
                        yield found.get().id();
                    }
                    UUID created = people.insert(tx, described.draft());
                    audit.record(tx, actor, "person.create", "person", created);
                    yield created;
                }
            };
            UUID id = enrolPerson(actor, tx, session, personId, terms, origin, originReference, null);
            return new Outcome(enrolments.find(tx, id).orElseThrow(), matched[0]);
        });
    }

    Enrolment update(Principal actor, UUID id, EnrolmentTerms terms) {
        return transactions.inTransaction(tx -> {
            Enrolment enrolment = visible(actor, tx, id, true);
            if (enrolment.status() == EnrolmentStatus.CANCELLED) {
                throw ApiProblem.conflict("Cette inscription est annulée : elle ne peut plus être modifiée.");
            }
            SessionView session = sessions.lock(tx, enrolment.sessionId()).orElseThrow();
            checkTerms(tx, session, terms);
            enrolments.updateTerms(tx, id, terms);
            audit.record(tx, actor, "enrolment.update", "enrolment", id);
            return enrolments.find(tx, id).orElseThrow();
        });
    }

    Enrolment cancel(Principal actor, UUID id, String reason) {
        return transactions.inTransaction(tx -> {
            Enrolment enrolment = visible(actor, tx, id, true);
            cancelAndPromote(actor, tx, enrolment, reason, null);
            return enrolments.find(tx, id).orElseThrow();
        });
    }

    /** Moves a candidate to another session of the same centre; the old enrolment stays, cancelled and linked. */
    Enrolment transfer(Principal actor, UUID id, UUID targetSessionId) {
        return transactions.inTransaction(tx -> {
            Enrolment from = visible(actor, tx, id, true);
            if (!from.status().holdsSeat() && from.status() != EnrolmentStatus.WAITLISTED) {
                throw ApiProblem.conflict("Une inscription " + from.status().label() + " ne peut pas être transférée.");
            }
            if (from.sessionId().equals(targetSessionId)) {
                throw ApiProblem.invalidField("sessionId", "same_session", "Le candidat est déjà inscrit dans cette session.");
            }
            SessionView target = openSession(actor, tx, targetSessionId);
            if (!target.centerId().equals(from.centerId())) {
                throw ApiProblem.notFound("Aucune session ne correspond à cet identifiant.");
            }
            checkTerms(tx, target, from.terms());
            if (target.freeSeats() <= 0) {
                throw ApiProblem.conflict("La session de destination est complète : le transfert n'est pas possible.");
            }
            cancelAndPromote(actor, tx, from, "transfert", targetSessionId);
            UUID to = enrolPerson(actor, tx, target, from.personId(), from.terms(), from.origin(), from.originReference(),
                    from.id());
            enrolments.linkTransfer(tx, from.id(), to);
            events.record(tx, TRANSFERRED, "enrolment", to, Json.createObjectBuilder()
                    .add("from", from.id().toString()).add("to", to.toString())
                    .add("fromSessionId", from.sessionId().toString()).add("toSessionId", targetSessionId.toString())
                    .add("personId", from.personId().toString()).build());
            audit.record(tx, actor, "enrolment.transfer", "enrolment", to);
            return enrolments.find(tx, to).orElseThrow();
        });
    }

    List<Enrolment> ofSession(Principal actor, DbExecute exec, UUID sessionId) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        sessions.visible(actor, exec, sessionId);
        return enrolments.ofSession(exec, sessionId);
    }

    Enrolment get(Principal actor, DbExecute exec, UUID id) {
        return visible(actor, exec, id, false);
    }

    List<EnrolmentRepository.HistoryLine> history(DbExecute exec, UUID id) {
        return enrolments.history(exec, id);
    }

    long waitlistRank(DbExecute exec, Enrolment enrolment) {
        return enrolment.waitlistPosition() == null ? 0
                : enrolments.waitlistRank(exec, enrolment.sessionId(), enrolment.waitlistPosition());
    }

    /**
     * Gives free seats to the waiting list, first come first served, recording each promotion as
     * an event for the notifications. Runs in the transaction that freed the seats.
     */
    void promoteWaitlist(DbExecute tx, UUID sessionId, Principal actor) {
        while (true) {
            var next = enrolments.firstWaitlisted(tx, sessionId);
            if (next.isEmpty() || !sessions.takeSeats(tx, sessionId, 1)) {
                return;
            }
            Enrolment promoted = next.get();
            enrolments.changeStatus(tx, promoted.id(), EnrolmentStatus.ENROLLED, "promu depuis la liste d'attente",
                    actor == null ? null : actor.userId());
            events.record(tx, PROMOTED, "enrolment", promoted.id(), Json.createObjectBuilder()
                    .add("sessionId", sessionId.toString()).add("personId", promoted.personId().toString()).build());
            audit.record(tx, actor, "enrolment.promote", "enrolment", promoted.id());
        }
    }

    private UUID enrolPerson(Principal actor, DbExecute tx, SessionView session, UUID personId, EnrolmentTerms terms,
                             Origin origin, String originReference, UUID transferredFrom) {
        people.lock(tx, personId);
        if (enrolments.activeIn(tx, session.id(), personId).isPresent()) {
            throw ApiProblem.conflict("Cette personne est déjà inscrite dans cette session.");
        }
        if (enrolments.overlapsAnother(tx, personId, session.id(), session.slot().startsAt(), session.slot().endsAt())) {
            throw ApiProblem.conflict("Cette personne est déjà inscrite à une autre session au même moment.");
        }
        EnrolmentStatus status = sessions.takeSeats(tx, session.id(), 1) ? EnrolmentStatus.ENROLLED : EnrolmentStatus.WAITLISTED;
        UUID id = enrolments.insert(tx, session.id(), session.centerId(), personId, status, terms, origin, originReference,
                transferredFrom, actor.userId());
        events.record(tx, CREATED, "enrolment", id, Json.createObjectBuilder()
                .add("sessionId", session.id().toString()).add("personId", personId.toString())
                .add("status", status.name()).add("origin", origin.name()).build());
        audit.record(tx, actor, "enrolment.create", "enrolment", id);
        return id;
    }

    private void cancelAndPromote(Principal actor, DbExecute tx, Enrolment enrolment, String reason, UUID transferTo) {
        if (!enrolment.status().canBecome(EnrolmentStatus.CANCELLED)) {
            throw ApiProblem.conflict("Une inscription " + enrolment.status().label() + " ne peut pas être annulée.");
        }
        sessions.lock(tx, enrolment.sessionId());
        enrolments.changeStatus(tx, enrolment.id(), EnrolmentStatus.CANCELLED, reason, actor.userId());
        if (transferTo == null) {
            events.record(tx, CANCELLED, "enrolment", enrolment.id(), Json.createObjectBuilder()
                    .add("sessionId", enrolment.sessionId().toString()).add("personId", enrolment.personId().toString())
                    .add("reason", reason == null ? "" : reason).build());
            audit.record(tx, actor, "enrolment.cancel", "enrolment", enrolment.id());
        }
        if (enrolment.status().holdsSeat()) {
            sessions.releaseSeat(tx, enrolment.sessionId());
            promoteWaitlist(tx, enrolment.sessionId(), actor);
        }
    }

    private SessionView openSession(Principal actor, DbExecute tx, UUID sessionId) {
        SessionView session = sessions.lock(tx, sessionId)
                .filter(s -> actor.managesCenter(s.centerId()))
                .orElseThrow(() -> ApiProblem.notFound("Aucune session ne correspond à cet identifiant."));
        if (!EnrolmentRules.sessionOpen(session.status() == SessionStatus.SCHEDULED, session.slot().startsAt(),
                clock.instant())) {
            throw ApiProblem.conflict("La session est " + session.status().label()
                    + (session.status() == SessionStatus.SCHEDULED ? " et a déjà commencé" : "")
                    + " : les inscriptions sont closes.");
        }
        return session;
    }

    private void checkTerms(DbExecute tx, SessionView session, EnrolmentTerms terms) {
        List<FieldError> errors = new ArrayList<>();
        EnrolmentRules.check(terms, centers.habilitations(tx, session.centerId()), errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
    }

    private UUID knownPerson(Principal actor, DbExecute tx, UUID personId) {
        boolean visible = people.find(tx, personId).isPresent()
                && (actor.isAdmin() || people.enrolledAt(tx, personId, actor.scopeId()));
        if (!visible) {
            throw ApiProblem.invalidField("personId", "unknown_person", "Cette personne est inconnue du centre.");
        }
        return personId;
    }

    private Enrolment visible(Principal actor, DbExecute exec, UUID id, boolean lock) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return (lock ? enrolments.lock(exec, id) : enrolments.find(exec, id))
                .filter(e -> actor.managesCenter(e.centerId()))
                .orElseThrow(() -> ApiProblem.notFound("Aucune inscription ne correspond à cet identifiant."));
    }
}
