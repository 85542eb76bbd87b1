package fr.jalon.sessions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.jalon.centers.Centers;
import fr.jalon.centers.RoomPlacement;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.codes.CodeGenerator;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;

import io.helidon.dbclient.DbExecute;
import jakarta.json.JsonObject;

/**
 * Use cases of sessions: schedule, change, cancel, read. The room overlap and the access-code
 * uniqueness are also guaranteed by PostgreSQL constraints, so two instances racing cannot
 * break them; the checks here give the precise French message.
 */
final class SessionScheduling {

    static final String SESSION_CHANGED = "SESSION_CHANGED";
    static final String SESSION_CANCELLED = "SESSION_CANCELLED";
    private static final int CODE_ATTEMPTS = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    private final Transactions transactions;
    private final SessionRepository repository;
    private final Centers centers;
    private final AuditLog audit;
    private final DomainEvents events;
    private final CodeGenerator codes;
    private final Clock clock;
    private final List<SeatsFreedListener> seatsFreed = new CopyOnWriteArrayList<>();
    private final List<RescheduleGuard> rescheduleGuards = new CopyOnWriteArrayList<>();

    SessionScheduling(Transactions transactions, SessionRepository repository, Centers centers, AuditLog audit,
                      DomainEvents events, CodeGenerator codes, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.centers = centers;
        this.audit = audit;
        this.events = events;
        this.codes = codes;
        this.clock = clock;
    }

    CertificationSession schedule(Principal actor, SessionDraft draft) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            RoomPlacement room = visibleRoom(actor, tx, draft.roomId());
            SessionSlot slot = new SessionSlot(draft.date(), draft.startTime(), draft.durationMinutes(), SessionSlot.PARIS);
            ApiProblem.raise(SessionRules.future(slot, clock.instant()));
            int capacity = draft.capacity().orElse(room.seats());
            ApiProblem.raise(SessionRules.capacityFits(capacity, room.seats(), room.roomName()));
            ApiProblem.raise(SessionRules.certificationType(draft.certificationType(), room.centerHabilitations()));
            String type = SessionRules.canonicalType(draft.certificationType());
            requireRoomFree(tx, room, slot, null);
            UUID id = insertWithFreshAccessCode(tx, room, slot, capacity, draft.description(), type);
            audit.record(tx, actor, "session.create", "session", id);
            return repository.find(tx, id).orElseThrow();
        });
    }

    CertificationSession change(Principal actor, UUID id, SessionChanges changes) {
        return transactions.inTransaction(tx -> {
            CertificationSession before = repository.lock(tx, id).orElseThrow(SessionScheduling::notFound);
            actor.requireCenter(before.centerId());
            ApiProblem.raise(SessionRules.editable(before));
            RoomPlacement room = visibleRoom(actor, tx, changes.roomId().orElse(before.roomId()));
            if (!room.centerId().equals(before.centerId())) {
                throw ApiProblem.invalidField("roomId", "other_center", "La salle doit appartenir au centre de la session.");
            }
            SessionSlot slot = new SessionSlot(changes.date().orElse(before.slot().date()),
                    changes.startTime().orElse(before.slot().startTime()),
                    changes.durationMinutes().orElse(before.slot().durationMinutes()), before.slot().zone());
            boolean moved = !slot.equals(before.slot()) || !room.roomId().equals(before.roomId());
            if (changes.movesSlotOrRoom() && moved) {
                ApiProblem.raise(SessionRules.movable(before, clock.instant()));
                ApiProblem.raise(SessionRules.future(slot, clock.instant()));
                requireRoomFree(tx, room, slot, id);
                rescheduleGuards.forEach(guard -> guard.checkMove(tx, id, slot.startsAt(), slot.endsAt()));
            }
            int capacity = changes.capacity().orElseGet(() -> followRoom(tx, before, room));
            ApiProblem.raise(SessionRules.capacityFits(capacity, room.seats(), room.roomName()));
            ApiProblem.raise(SessionRules.capacityHoldsEnrolled(capacity, before.seatsTaken()));
            String description = changes.description().orElse(Optional.ofNullable(before.description())).orElse(null);
            repository.update(tx, id, room.siteId(), room.roomId(), slot, capacity, description);
            CertificationSession after = repository.find(tx, id).orElseThrow();
            if (moved) {
                events.record(tx, SESSION_CHANGED, "session", id, Jsons.createObjectBuilder()
                        .add("before", SessionJson.schedule(before))
                        .add("after", SessionJson.schedule(after))
                        .build());
            }
            audit.record(tx, actor, "session.update", "session", id);
            if (capacity > before.seatsTaken() && capacity > before.capacity()) {
                seatsFreed.forEach(listener -> listener.seatsFreed(tx, id));
                return repository.find(tx, id).orElseThrow();
            }
            return after;
        });
    }

    void onSeatsFreed(SeatsFreedListener listener) {
        seatsFreed.add(listener);
    }

    void guardMoves(RescheduleGuard guard) {
        rescheduleGuards.add(guard);
    }

    /**
     * A session described by a Pix import file: scheduled with the same rules as by hand, in a
     * room of the caller's centre, inside the import's transaction.
     */
    CertificationSession scheduleImported(Principal actor, DbExecute tx, UUID roomId, LocalDate date,
                                          LocalTime time, String description, Long pixNumber,
                                          String invigilators) {
        RoomPlacement room = visibleRoom(actor, tx, roomId);
        SessionSlot slot = new SessionSlot(date, time, SessionSlot.DEFAULT_DURATION_MINUTES, SessionSlot.PARIS);
        ApiProblem.raise(SessionRules.future(slot, clock.instant()));
        requireRoomFree(tx, room, slot, null);
        UUID id = insertWithFreshAccessCode(tx, room, slot, room.seats(), description, SessionRules.CORE_CERTIFICATION);
        repository.setImportDetails(tx, id, pixNumber, invigilators);
        audit.record(tx, actor, "session.create", "session", id);
        return repository.find(tx, id).orElseThrow();
    }

    CertificationSession cancel(Principal actor, UUID id, String reason) {
        return transactions.inTransaction(tx -> {
            CertificationSession session = repository.lock(tx, id).orElseThrow(SessionScheduling::notFound);
            actor.requireCenter(session.centerId());
            ApiProblem.raise(SessionRules.transition(session, SessionStatus.CANCELLED));
            repository.cancel(tx, id, reason);
            JsonObject payload = Jsons.createObjectBuilder()
                    .add("session", SessionJson.schedule(session))
                    .add("reason", reason)
                    .build();
            events.record(tx, SESSION_CANCELLED, "session", id, payload);
            audit.record(tx, actor, "session.cancel", "session", id);
            return repository.find(tx, id).orElseThrow();
        });
    }

    CertificationSession session(Principal actor, DbExecute exec, UUID id) {
        CertificationSession session = repository.find(exec, id).orElseThrow(SessionScheduling::notFound);
        actor.requireCenter(session.centerId());
        return session;
    }

    /** A page of sessions in the caller's scope; staff see their centre, admins every centre or one. */
    List<CertificationSession> list(Principal actor, DbExecute exec, SessionCriteria criteria,
                                    SessionCursor after, int limit) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        SessionCriteria scoped = actor.isAdmin() ? criteria
                : new SessionCriteria(actor.scopeId(), criteria.from(), criteria.to(), criteria.siteId(),
                        criteria.status());
        return repository.list(exec, scoped, after, limit);
    }

    /**
     * A session that used every seat of its room keeps doing so when it moves to another room
     * (a bigger room frees seats for the waiting list); a capacity chosen by hand is kept.
     */
    private int followRoom(DbExecute tx, CertificationSession before, RoomPlacement newRoom) {
        if (newRoom.roomId().equals(before.roomId())) {
            return before.capacity();
        }
        int oldSeats = centers.room(tx, before.roomId(), false).map(RoomPlacement::seats).orElse(-1);
        return before.capacity() == oldSeats ? newRoom.seats() : before.capacity();
    }

    private RoomPlacement visibleRoom(Principal actor, DbExecute exec, UUID roomId) {
        RoomPlacement room = centers.room(exec, roomId, true)
                .filter(r -> actor.managesCenter(r.centerId()))
                .orElseThrow(() -> ApiProblem.invalidField("roomId", "unknown_room", "Cette salle n'existe pas."));
        return room;
    }

    private void requireRoomFree(DbExecute exec, RoomPlacement room, SessionSlot slot, UUID exceptId) {
        List<CertificationSession> clashes = repository.overlapping(exec, room.roomId(), slot, exceptId);
        if (!clashes.isEmpty()) {
            SessionSlot other = clashes.getFirst().slot();
            throw ApiProblem.conflict("La salle « " + room.roomName() + " » est déjà occupée le " + DAY.format(other.date())
                    + " de " + other.startTime() + " à " + other.endTime() + ".");
        }
    }

    private UUID insertWithFreshAccessCode(DbExecute exec, RoomPlacement room, SessionSlot slot, int capacity,
                                           String description, String type) {
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            Optional<UUID> id = repository.insert(exec, room.centerId(), room.siteId(), room.roomId(), slot, capacity,
                    description, type, codes.sessionAccessCode(), codes.invigilatorPassword());
            if (id.isPresent()) {
                return id.get();
            }
        }
        throw new IllegalStateException("No free session access code after " + CODE_ATTEMPTS + " attempts");
    }

    private static ApiProblem notFound() {
        return ApiProblem.notFound("Aucune session ne correspond à cet identifiant.");
    }
}
