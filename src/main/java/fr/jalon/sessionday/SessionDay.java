package fr.jalon.sessionday;

import java.time.Clock;

import fr.jalon.candidates.Candidates;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.sessions.Sessions;

/** The session day feature: what happened in the room, and finalization with Pix's rules. */
public final class SessionDay {

    private final SessionDayService service;

    public SessionDay(Transactions transactions, Sessions sessions, Candidates candidates, AuditLog audit,
                      DomainEvents events, RequestBodies bodies, Clock clock) {
        this.service = new SessionDayService(new SessionDayDesk(transactions, new SessionDayRepository(), sessions,
                candidates, audit, events, clock), bodies);
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }
}
