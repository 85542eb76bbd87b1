package fr.jalon.invigilators;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.sessions.Sessions;

/** The invigilators feature: the centre's pool, staffing needs, manual assignment and automatic planning. */
public final class Invigilators {

    private final InvigilatorsService service;

    public Invigilators(Transactions transactions, Centers centers, Sessions sessions, AuditLog audit,
                        RequestBodies bodies, java.time.Clock clock) {
        InvigilatorRepository pool = new InvigilatorRepository();
        AssignmentRepository assignments = new AssignmentRepository();
        this.service = new InvigilatorsService(new InvigilatorDesk(transactions, pool, centers, sessions, audit),
                new AssignmentDesk(transactions, assignments, pool, sessions, audit),
                new PlanDesk(transactions, pool, assignments, sessions, centers, audit, clock),
                new CalendarFeed(transactions, pool, assignments, audit, clock), bodies);
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }
}
