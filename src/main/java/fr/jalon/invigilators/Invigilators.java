package fr.jalon.invigilators;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.sessions.Sessions;

/** The invigilators feature: the centre's pool, staffing needs and manual assignment (automatic planning comes next). */
public final class Invigilators {

    private final InvigilatorsService service;

    public Invigilators(Transactions transactions, Centers centers, Sessions sessions, AuditLog audit,
                        RequestBodies bodies) {
        InvigilatorRepository pool = new InvigilatorRepository();
        this.service = new InvigilatorsService(new InvigilatorDesk(transactions, pool, centers, sessions, audit),
                new AssignmentDesk(transactions, new AssignmentRepository(), pool, sessions, audit), bodies);
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }
}
