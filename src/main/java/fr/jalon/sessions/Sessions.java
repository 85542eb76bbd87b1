package fr.jalon.sessions;

import java.time.Clock;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.codes.CodeGenerator;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;

import io.helidon.dbclient.DbClient;

/** The sessions feature: its HTTP service and what other features may ask of it. */
public final class Sessions {

    private final SessionsService service;

    public Sessions(DbClient db, Transactions transactions, Centers centers, AuditLog audit, DomainEvents events,
                    CodeGenerator codes, Clock clock, RequestBodies bodies) {
        SessionScheduling scheduling = new SessionScheduling(transactions, new SessionRepository(), centers, audit,
                events, codes, clock);
        this.service = new SessionsService(scheduling, db, bodies);
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }
}
