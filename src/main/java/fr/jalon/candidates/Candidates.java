package fr.jalon.candidates;

import java.time.Clock;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.sessions.Sessions;
import fr.jalon.territory.Territory;

import io.helidon.dbclient.DbClient;

/** The candidates feature: people, enrolments, waiting lists, Pix files. */
public final class Candidates {

    private final CandidatesService service;

    public Candidates(DbClient db, Transactions transactions, Sessions sessions, Centers centers, Territory territory,
                      AuditLog audit, DomainEvents events, Clock clock, RequestBodies bodies) {
        PersonRepository people = new PersonRepository();
        EnrolmentDesk desk = new EnrolmentDesk(transactions, sessions, centers, people, new EnrolmentRepository(), audit,
                events, clock);
        sessions.onSeatsFreed((tx, sessionId) -> desk.promoteWaitlist(tx, sessionId, null));
        this.service = new CandidatesService(desk, new PeopleDirectory(transactions, people, audit), territory, db,
                bodies, clock);
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }
}
