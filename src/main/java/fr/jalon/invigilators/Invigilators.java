package fr.jalon.invigilators;

import java.util.List;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.sessions.Sessions;

/** The invigilators feature: the centre's pool, staffing needs, manual assignment and automatic planning. */
public final class Invigilators {

    private final List<ApiRoutes.ApiService> services;

    public Invigilators(Transactions transactions, Centers centers, Sessions sessions, AuditLog audit,
                        RequestBodies bodies, DomainEvents events, java.time.Clock clock,
                        java.time.Duration travel, java.time.Duration plannerLimit) {
        InvigilatorRepository pool = new InvigilatorRepository();
        AssignmentRepository assignments = new AssignmentRepository();
        AssignmentAnnouncer announcer = new AssignmentAnnouncer(events);
        this.services = List.of(
                new InvigilatorsService(new InvigilatorDesk(transactions, pool, centers, sessions, audit), bodies),
                new AssignmentsService(new AssignmentDesk(transactions, assignments, pool, sessions, audit, announcer, travel),
                        new PlanDesk(transactions, pool, assignments, sessions, centers, audit, clock, announcer, travel),
                        new CalendarFeed(transactions, pool, assignments, audit, clock), bodies, plannerLimit));
    }

    public List<ApiRoutes.ApiService> httpServices() {
        return services;
    }
}
