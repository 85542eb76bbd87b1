package fr.jalon.invigilators;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.sessions.Sessions;

import io.helidon.dbclient.DbExecute;

/** The invigilators feature: the centre's pool, staffing needs, manual assignment and automatic planning. */
public final class Invigilators {

    private final List<ApiRoutes.ApiService> services;
    private final Transactions transactions;
    private final AuditLog audit;
    private final InvigilatorRepository pool = new InvigilatorRepository();

    public Invigilators(Transactions transactions, Centers centers, Sessions sessions, AuditLog audit,
                        RequestBodies bodies, DomainEvents events, Clock clock,
                        Duration travel, Duration plannerLimit) {
        this.transactions = transactions;
        this.audit = audit;
        AssignmentRepository assignments = new AssignmentRepository();
        AssignmentAnnouncer announcer = new AssignmentAnnouncer(events);
        this.services = List.of(
                new InvigilatorsService(new InvigilatorDesk(transactions, pool, centers, sessions, audit), bodies),
                new AssignmentsService(new AssignmentDesk(transactions, assignments, pool, sessions, audit, announcer, travel),
                        new PlanDesk(transactions, pool, assignments, sessions, centers, audit, clock, announcer, travel),
                        new CalendarFeed(transactions, pool, assignments, audit, clock), bodies, plannerLimit));
    }

    /**
     * Retention: anonymises the invigilators inactive for {@code months} months and, in the same
     * transaction, what other features keep about them ({@code alsoErase}: their messages' errors);
     * audited with counts. Returns a summary for the job record.
     */
    public String purge(int months, BiFunction<DbExecute, List<UUID>,
            Integer> alsoErase, BiConsumer<DbExecute, List<UUID>> disableUsers) {
        int n = transactions.inTransaction(tx -> {
            List<UUID> ids = pool.anonymiseInactive(tx, months);
            if (ids.isEmpty()) {
                return 0;
            }
            int messages = alsoErase.apply(tx, ids);
            disableUsers.accept(tx, pool.usersOf(tx, ids));
            audit.recordMany(tx, null, "invigilator.anonymise", "invigilator", ids.stream().map(Object::toString).toList());
            audit.recordCounts(tx, null, "retention.purge", "invigilators",
                    Map.of("invigilators", ids.size(), "notifications", messages));
            return ids.size();
        });
        return n + " surveillant(s) anonymisé(s) (inactifs depuis plus de " + months + " mois)";
    }

    public List<ApiRoutes.ApiService> httpServices() {
        return services;
    }
}
