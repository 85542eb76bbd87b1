package fr.jalon.sessionday;

import java.time.Clock;

import fr.jalon.candidates.Candidates;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.sessions.Sessions;

import io.helidon.dbclient.DbExecute;

/** The session day feature: what happened in the room, and finalization with Pix's rules. */
public final class SessionDay {

    private final SessionDayService service;
    private final SessionDayRepository repository;

    public SessionDay(Transactions transactions, Sessions sessions, Candidates candidates, AuditLog audit,
                      DomainEvents events, RequestBodies bodies, Clock clock) {
        this.repository = new SessionDayRepository();
        this.service = new SessionDayService(new SessionDayDesk(transactions, repository, sessions,
                candidates, audit, events, clock), bodies);
        candidates.retention().onErase(repository::erase);
    }

    /** Retention: global comments of session reports for sessions ended past the limit; rows cleared. */
    public int forgetOldComments(DbExecute tx, int months) {
        return repository.forgetOldComments(tx, months);
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }
}
