package fr.jalon.notifications;

import java.util.List;
import java.util.UUID;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;

import io.helidon.dbclient.DbClient;

/** Staff's view of the outbox: their centre's messages, and a second chance for failed ones. */
final class NotificationDesk {

    static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED", "CANCELLED", "HELD");

    private final NotificationRepository repository;
    private final DbClient db;
    private final Transactions transactions;
    private final AuditLog audit;

    NotificationDesk(NotificationRepository repository, DbClient db, Transactions transactions, AuditLog audit) {
        this.repository = repository;
        this.db = db;
        this.transactions = transactions;
        this.audit = audit;
    }

    List<NotificationRepository.Entry> list(Principal actor, String status, int limit) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return repository.list(db.execute(), actor.isAdmin() ? null : actor.scopeId(), status, limit);
    }

    NotificationRepository.Entry retry(Principal actor, UUID id) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            NotificationRepository.Entry entry = repository.find(tx, id)
                    .filter(e -> actor.managesCenter(e.centerId()))
                    .orElseThrow(() -> ApiProblem.notFound("Aucune notification ne correspond à cet identifiant."));
            if (!entry.status().equals("FAILED")) {
                throw ApiProblem.conflict("Seule une notification en échec peut être renvoyée.");
            }
            repository.retry(tx, id);
            audit.record(tx, actor, "notification.retry", "notification", id);
            return repository.find(tx, id).orElseThrow();
        });
    }
}
