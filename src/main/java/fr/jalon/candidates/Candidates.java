package fr.jalon.candidates;

import java.time.Clock;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.sessions.Sessions;
import fr.jalon.territory.Territory;

import io.helidon.dbclient.DbClient;

/** The candidates feature: people, enrolments, waiting lists, Pix files. */
public final class Candidates {

    private final CandidatesService service;
    private final Retention retention;
    private final EnrolmentRepository enrolments;

    public Candidates(DbClient db, Transactions transactions, Sessions sessions, Centers centers, Territory territory,
                      AuditLog audit, DomainEvents events, Clock clock, RequestBodies bodies, int retentionMonths) {
        PersonRepository people = new PersonRepository();
        this.enrolments = new EnrolmentRepository();
        EnrolmentDesk desk = new EnrolmentDesk(transactions, sessions, centers, people, enrolments, audit, events, clock);
        sessions.onSeatsFreed((tx, sessionId) -> desk.promoteWaitlist(tx, sessionId, null));
        sessions.guardMoves((tx, sessionId, start, end) -> {
            long busy = enrolments.peopleBusyDuring(tx, sessionId, start, end);
            if (busy > 0) {
                throw ApiProblem.conflict(busy + " candidat(s) inscrit(s) ont déjà une autre session à ce nouvel horaire : "
                        + "transférez-les ou choisissez un autre créneau.");
            }
        });
        SessionImport imports = new SessionImport(transactions, sessions, centers, territory, people, enrolments, audit,
                events, clock);
        CandidateFiles files = new CandidateFiles(transactions, sessions, centers, people, enrolments, audit);
        this.retention = new Retention(transactions, people, audit, retentionMonths);
        this.service = new CandidatesService(desk, new PeopleDirectory(transactions, people, audit), imports, files,
                territory, db, bodies, clock);
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }

    /** The convocation of an enrolment went out: ENROLLED becomes CONVOKED (other statuses stay). */
    public void convoked(io.helidon.dbclient.DbExecute tx, java.util.UUID enrolmentId) {
        enrolments.markConvoked(tx, enrolmentId);
    }

    public Retention retention() {
        return retention;
    }
}
