package fr.jalon.sessions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.codes.CodeGenerator;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.security.Principal;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

/** The sessions feature: its HTTP service and what other features may ask of it. */
public final class Sessions {

    private final SessionsService service;
    private final SessionScheduling scheduling;
    private final SessionRepository repository = new SessionRepository();

    public Sessions(DbClient db, Transactions transactions, Centers centers, AuditLog audit, DomainEvents events,
                    CodeGenerator codes, Clock clock, RequestBodies bodies) {
        this.scheduling = new SessionScheduling(transactions, repository, centers, audit, events, codes, clock);
        this.service = new SessionsService(scheduling, db, bodies);
    }

    /** Retention: names of invigilators declared in Pix files, for sessions ended past the limit; rows cleared. */
    public int forgetOldNames(DbExecute tx, int months) {
        return repository.forgetDeclaredInvigilators(tx, months);
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }

    /** A session the caller may manage (404 otherwise). */
    public SessionView visible(Principal actor, DbExecute exec, UUID id) {
        return scheduling.session(actor, exec, id).view();
    }

    /** A session by id, whoever asks: for features that check the scope themselves. */
    public Optional<SessionView> find(DbExecute exec, UUID id) {
        return repository.find(exec, id).map(CertificationSession::view);
    }

    /** The session, locked until the transaction ends: seats and status cannot change meanwhile. */
    public Optional<SessionView> lock(DbExecute exec, UUID id) {
        return repository.lock(exec, id).map(CertificationSession::view);
    }

    /**
     * Takes seats if they are free, atomically in PostgreSQL (a conditional update), so no
     * number of instances can overbook a session.
     */
    public boolean takeSeats(DbExecute exec, UUID id, int count) {
        return repository.takeSeats(exec, id, count);
    }

    /**
     * For one enrolment: locks the session if it is open and takes a seat if one is free, in
     * one round trip. Empty when the session is not open (or does not exist).
     */
    public Optional<SeatClaim> claimSeat(DbExecute exec, UUID id) {
        return repository.claimSeat(exec, id);
    }

    public void releaseSeat(DbExecute exec, UUID id) {
        repository.releaseSeat(exec, id);
    }

    public void onSeatsFreed(SeatsFreedListener listener) {
        scheduling.onSeatsFreed(listener);
    }

    public void guardMoves(RescheduleGuard guard) {
        scheduling.guardMoves(guard);
    }

    /** Sessions of a centre between two dates (inclusive), for imports. */
    public List<SessionView> ofCenter(DbExecute exec, UUID centerId, LocalDate from, LocalDate to) {
        List<SessionView> sessions = new ArrayList<>();
        SessionCursor after = null;
        while (true) {
            List<CertificationSession> page = repository.list(exec,
                    new SessionCriteria(centerId, from, to, null, null), after, 500);
            page.forEach(s -> sessions.add(s.view()));
            if (page.size() < 500) {
                return sessions;
            }
            CertificationSession last = page.getLast();
            after = new SessionCursor(last.slot().date(), last.slot().startTime(), last.id());
        }
    }

    /** A session with what its invigilators need on the day: access code and printed invigilator password. */
    public record SessionKit(SessionView session, String accessCode, String invigilatorPassword) {
    }

    /** The kit of a session the caller may manage (404 otherwise). */
    public SessionKit kit(Principal actor, DbExecute exec, UUID id) {
        return kitOf(scheduling.session(actor, exec, id));
    }

    /** Kits of a centre's sessions between two dates (inclusive), cancelled ones left out, by date and time. */
    public List<SessionKit> kitsOfCenter(DbExecute exec, UUID centerId, LocalDate from, LocalDate to) {
        List<SessionKit> kits = new ArrayList<>();
        SessionCursor after = null;
        while (true) {
            List<CertificationSession> page = repository.list(exec,
                    new SessionCriteria(centerId, from, to, null, null), after, 500);
            page.stream().filter(s -> s.status() != SessionStatus.CANCELLED).forEach(s -> kits.add(kitOf(s)));
            if (page.size() < 500) {
                return kits;
            }
            CertificationSession last = page.getLast();
            after = new SessionCursor(last.slot().date(), last.slot().startTime(), last.id());
        }
    }

    private static SessionKit kitOf(CertificationSession s) {
        return new SessionKit(s.view(), s.accessCode(), CodeGenerator.printedInvigilatorPassword(
                s.invigilatorPassword()));
    }

    /**
     * Moves a session along its lifecycle if it is still in {@code from} (a conditional update, so
     * two instances cannot both move it); returns whether it moved.
     */
    public boolean advance(DbExecute tx, UUID id, SessionStatus from, SessionStatus to) {
        if (!from.canBecome(to)) {
            throw new IllegalArgumentException(from + " cannot become " + to);
        }
        return repository.advance(tx, id, from, to);
    }

    /** {@link #advance} for many sessions in one statement; returns how many moved. */
    public int advanceAll(DbExecute tx, List<UUID> ids, SessionStatus from, SessionStatus to) {
        if (!from.canBecome(to)) {
            throw new IllegalArgumentException(from + " cannot become " + to);
        }
        return repository.advanceAll(tx, ids, from, to);
    }

    /** Fills a session's Pix number and declared invigilators where they are still empty. */
    public void complete(DbExecute tx, UUID id, Long pixNumber, String invigilators) {
        repository.setImportDetails(tx, id, pixNumber, invigilators);
    }

    /** Schedules a session described by an import file, in the import's transaction. */
    public SessionView scheduleImported(Principal actor, DbExecute tx, UUID roomId, LocalDate date, LocalTime time,
                                        String description, Long pixNumber, String invigilators) {
        return scheduling.scheduleImported(actor, tx, roomId, date, time, description, pixNumber, invigilators).view();
    }
}
