package fr.jalon.candidates;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.validation.FieldError;
import fr.jalon.sessions.SeatClaim;
import fr.jalon.sessions.SessionStatus;
import fr.jalon.sessions.SessionView;
import fr.jalon.sessions.Sessions;

import io.helidon.dbclient.DbExecute;

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
    private final BookingsReadModel booked = new BookingsReadModel();
    private final AuditLog audit;
    private final DomainEvents events;
    private final Clock clock;
    private final EnrolmentStatusListener statusListener;

    EnrolmentDesk(Transactions transactions, Sessions sessions, Centers centers, PersonRepository people,
                  EnrolmentRepository enrolments, AuditLog audit, DomainEvents events, Clock clock,
                  EnrolmentStatusListener statusListener) {
        this.statusListener = statusListener;
        this.transactions = transactions;
        this.sessions = sessions;
        this.centers = centers;
        this.people = people;
        this.enrolments = enrolments;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The enrolment made, its waiting-list rank (0 if seated), and whether the person was found again. */
    record Outcome(Enrolment enrolment, long waitlistRank, boolean personMatched) {
    }

    Outcome enrol(Principal actor, UUID sessionId, PersonRequest who, EnrolmentTerms terms, Origin origin,
                  String originReference) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        if (origin == Origin.IMPORT) {
            throw ApiProblem.invalidField("origin", "invalid_value", "L'origine IMPORT est réservée aux imports de fichiers.");
        }
        return transactions.inTransaction(tx -> enrolIn(actor, tx, sessionId, who, terms, origin, originReference));
    }

    /** The same inside the caller's transaction (a referral accepted and its enrolment are one change). */
    Outcome enrolIn(Principal actor, DbExecute tx, UUID sessionId, PersonRequest who, EnrolmentTerms terms, Origin origin,
                    String originReference) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        // The seat is claimed first, under the session's lock; any refusal below rolls it back.
        SeatClaim claim = sessions.claimSeat(tx, sessionId)
                .filter(c -> actor.managesCenter(c.centerId()))
                .orElseGet(() -> {
                    openSession(actor, tx, sessionId);
                    throw ApiProblem.conflict("Les inscriptions à cette session sont closes.");
                });
        checkTerms(tx, claim.centerId(), terms);
        // People belong to the centre of the session: another centre's record is never used.
        MatchedPerson person = switch (who) {
            case PersonRequest.Existing existing -> new MatchedPerson(knownPerson(tx, claim.centerId(),
                    existing.personId()), true);
            case PersonRequest.Described described -> findOrCreate(actor, tx, claim.centerId(), described.draft());
            case PersonRequest.Referred referred -> new MatchedPerson(people.find(tx, referred.personId())
                    .filter(p -> p.ownerId().equals(claim.centerId()))
                    .orElseThrow(() -> ApiProblem.invalidField("sessionId", "other_center",
                            "La session doit appartenir au centre destinataire de l'orientation.")), true);
        };
        EnrolmentStatus status = claim.seated() ? EnrolmentStatus.ENROLLED : EnrolmentStatus.WAITLISTED;
        Placed placed = record(actor, tx, claim.sessionId(), claim.centerId(), claim.startsAt(), claim.endsAt(),
                person.person().id(), person.existed(), status, terms, origin, originReference, null);
        Enrolment e = placed.enrolment();
        PersonDraft d = person.person().draft();
        return new Outcome(new Enrolment(e.id(), e.sessionId(), e.centerId(), e.personId(), d.birthName(),
                d.firstName(), d.birthDate(), e.status(), terms, origin, originReference, e.waitlistPosition(), null,
                null, null, e.createdAt(), e.createdAt()), placed.waitlistRank(), person.existed());
    }

    /** A person found again or just created; {@code existed} is false for a new one. */
    record MatchedPerson(Person person, boolean existed) {
    }

    /**
     * The owner's record of this identity (folded names and birth date), or a new one. Matching
     * runs only inside the owner: another centre's people are never found, so nothing they typed
     * leaks. The unique (owner, identity key) settles a race between two instances creating the
     * same person: the loser finds the winner's record.
     */
    MatchedPerson findOrCreate(Principal actor, DbExecute tx, UUID owner, PersonDraft draft) {
        var created = people.insertIfNew(tx, owner, draft, audit.insertFor(actor, "person.create", "person", "p", "id"));
        if (created.isPresent()) {
            return new MatchedPerson(new Person(created.get(), owner, draft, null, null), false);
        }
        return new MatchedPerson(people.findByIdentity(tx, owner, draft.identityKey()).orElseThrow(), true);
    }

    /**
     * Changes an enrolment's terms; {@code change} gets the current terms under the row lock, so
     * two concurrent partial updates cannot undo each other.
     */
    Enrolment update(Principal actor, UUID id, UnaryOperator<EnrolmentTerms> change) {
        return transactions.inTransaction(tx -> {
            Enrolment enrolment = visible(actor, tx, id, true);
            if (enrolment.status() == EnrolmentStatus.CANCELLED) {
                throw ApiProblem.conflict("Cette inscription est annulée : elle ne peut plus être modifiée.");
            }
            EnrolmentTerms terms = change.apply(enrolment.terms());
            checkTerms(tx, enrolment.centerId(), terms);
            enrolments.updateTerms(tx, id, terms);
            audit.record(tx, actor, "enrolment.update", "enrolment", id);
            return enrolments.find(tx, id).orElseThrow();
        });
    }

    /**
     * Who came: PRESENT, ABSENT or EXCUSED, for a seat holder, from the session's start until it
     * is finalized; corrections allowed, the same answer twice is a no-op. Settles the enrolment
     * (and whatever follows it, such as a referral).
     */
    Enrolment recordAttendance(Principal actor, UUID id, EnrolmentStatus attendance) {
        if (!EnrolmentStatus.ATTENDANCE.contains(attendance)) {
            throw ApiProblem.invalidField("status", "invalid_value", "La présence vaut PRESENT, ABSENT ou EXCUSED.");
        }
        return transactions.inTransaction(tx -> {
            Enrolment enrolment = visible(actor, tx, id, true);
            boolean unchanged = enrolment.status() == attendance;
            if (!unchanged && !enrolment.status().canBecome(attendance)) {
                throw ApiProblem.conflict("La présence ne se note que pour un candidat inscrit ou convoqué (statut actuel : "
                        + enrolment.status() + ").");
            }
            var session = sessions.visible(actor, tx, enrolment.sessionId());
            if (session.slot().startsAt().isAfter(clock.instant())) {
                throw ApiProblem.conflict("La session n'a pas encore commencé : la présence se note le jour même.");
            }
            if (session.status() != SessionStatus.SCHEDULED) {
                throw ApiProblem.conflict("La session est " + session.status().label()
                        + " : la présence ne peut plus être modifiée.");
            }
            if (unchanged) {
                // Noting the same attendance twice (a double click, a retried call) changes nothing.
                return enrolment;
            }
            enrolments.changeStatus(tx, id, attendance, "présence notée", actor.userId());
            statusListener.statusChanged(tx, id, attendance);
            audit.record(tx, actor, "enrolment.attendance", "enrolment", id);
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
            checkTerms(tx, target.centerId(), from.terms());
            if (target.freeSeats() <= 0) {
                throw ApiProblem.conflict("La session de destination est complète : le transfert n'est pas possible.");
            }
            cancelAndPromote(actor, tx, from, "transfert", targetSessionId);
            EnrolmentStatus status = sessions.takeSeats(tx, target.id(), 1) ? EnrolmentStatus.ENROLLED
                    : EnrolmentStatus.WAITLISTED;
            UUID to = record(actor, tx, target.id(), target.centerId(), target.slot().startsAt(), target.slot().endsAt(),
                    from.personId(), true, status, from.terms(), from.origin(), from.originReference(), from.id())
                    .enrolment().id();
            enrolments.linkTransfer(tx, from.id(), to);
            events.record(tx, TRANSFERRED, "enrolment", to, Jsons.createObjectBuilder()
                    .add("from", from.id().toString()).add("to", to.toString())
                    .add("fromSessionId", from.sessionId().toString()).add("toSessionId", targetSessionId.toString())
                    .add("personId", from.personId().toString()).build());
            audit.record(tx, actor, "enrolment.transfer", "enrolment", to);
            return enrolments.find(tx, to).orElseThrow();
        });
    }

    /** A session's enrolments (names, birth dates): each read is audited. */
    List<Enrolment> ofSession(Principal actor, UUID sessionId) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            sessions.visible(actor, tx, sessionId);
            List<Enrolment> found = enrolments.ofSession(tx, sessionId);
            audit.recordMany(tx, actor, "enrolment.read", "enrolment", found.stream().map(e -> e.id().toString()).toList());
            return found;
        });
    }

    /** An enrolment, its waiting-list rank and its history, as one audited read. */
    record Detail(Enrolment enrolment, long waitlistRank, List<HistoryLine> history) {
    }

    Detail get(Principal actor, UUID id) {
        return transactions.inTransaction(tx -> {
            Enrolment enrolment = visible(actor, tx, id, false);
            audit.record(tx, actor, "enrolment.read", "enrolment", id);
            return new Detail(enrolment, waitlistRank(tx, enrolment), enrolments.history(tx, id));
        });
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
            statusListener.statusChanged(tx, promoted.id(), EnrolmentStatus.ENROLLED);
            events.record(tx, PROMOTED, "enrolment", promoted.id(), Jsons.createObjectBuilder()
                    .add("sessionId", sessionId.toString()).add("personId", promoted.personId().toString()).build());
            audit.record(tx, actor, "enrolment.promote", "enrolment", promoted.id());
        }
    }

    /**
     * Records an enrolment whose seat question is settled. A person created in this very
     * transaction has no other enrolment, so the lock and the checks are for existing people only.
     */
    /** An enrolment just made, and its rank on the waiting list (0 when it holds a seat). */
    private record Placed(Enrolment enrolment, long waitlistRank) {
    }

    private Placed record(Principal actor, DbExecute tx, UUID sessionId, UUID centerId, Instant startsAt, Instant endsAt,
                          UUID personId, boolean existing, EnrolmentStatus status, EnrolmentTerms terms, Origin origin,
                          String originReference, UUID transferredFrom) {
        if (existing) {
            if (!people.lockActive(tx, personId)) {
                throw ApiProblem.conflict("Les données de cette personne ont été effacées (durée de conservation atteinte) : "
                        + "inscrivez-la à nouveau avec son identité.");
            }
            switch (booked.conflictFor(tx, personId, sessionId, startsAt, endsAt)) {
                case SAME_SESSION -> throw ApiProblem.conflict("Cette personne est déjà inscrite dans cette session.");
                case OVERLAPPING_SESSION -> throw ApiProblem.conflict(
                        "Cette personne est déjà inscrite à une autre session au même moment.");
                case NONE -> { }
            }
        }
        var payload = Jsons.createObjectBuilder()
                .add("sessionId", sessionId.toString()).add("personId", personId.toString())
                .add("status", status.name()).add("origin", origin.name()).build();
        // The enrolment, its history, its event and its audit row go in one round trip.
        EnrolmentRepository.Inserted inserted = enrolments.insert(tx, UUID.randomUUID(), sessionId, centerId,
                personId, status, terms, origin, originReference, transferredFrom, actor.userId(),
                List.of(events.insertFor(CREATED, "enrolment", "e", "id", payload),
                        audit.insertFor(actor, "enrolment.create", "enrolment", "e", "id")));
        return new Placed(new Enrolment(inserted.id(), sessionId, centerId, personId, null, null, null, status,
                terms, origin, originReference, inserted.waitlistPosition(), transferredFrom, null, null,
                inserted.createdAt(), inserted.createdAt()), inserted.waitlistRank());
    }

    private void cancelAndPromote(Principal actor, DbExecute tx, Enrolment enrolment, String reason, UUID transferTo) {
        if (!enrolment.status().canBecome(EnrolmentStatus.CANCELLED)) {
            throw ApiProblem.conflict("Une inscription " + enrolment.status().label() + " ne peut pas être annulée.");
        }
        sessions.lock(tx, enrolment.sessionId());
        enrolments.changeStatus(tx, enrolment.id(), EnrolmentStatus.CANCELLED, reason, actor.userId());
        statusListener.statusChanged(tx, enrolment.id(), EnrolmentStatus.CANCELLED);
        if (transferTo == null) {
            events.record(tx, CANCELLED, "enrolment", enrolment.id(), Jsons.createObjectBuilder()
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

    private void checkTerms(DbExecute tx, UUID centerId, EnrolmentTerms terms) {
        List<FieldError> errors = new ArrayList<>();
        // The centre's habilitations matter only for a complementary certification.
        EnrolmentRules.check(terms, terms.complementaryCertification() == null ? Set.of()
                : centers.habilitations(tx, centerId), errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
    }

    private Person knownPerson(DbExecute tx, UUID centerId, UUID personId) {
        return people.find(tx, personId)
                .filter(p -> p.ownerId().equals(centerId))
                .orElseThrow(() -> ApiProblem.invalidField("personId", "unknown_person",
                        "Cette personne est inconnue du centre."));
    }

    Enrolment visibleEnrolment(Principal actor, DbExecute exec, UUID id, boolean lock) {
        return visible(actor, exec, id, lock);
    }

    private Enrolment visible(Principal actor, DbExecute exec, UUID id, boolean lock) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return (lock ? enrolments.lock(exec, id) : enrolments.find(exec, id))
                .filter(e -> actor.managesCenter(e.centerId()))
                .orElseThrow(() -> ApiProblem.notFound("Aucune inscription ne correspond à cet identifiant."));
    }
}
