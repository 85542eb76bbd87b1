package fr.jalon.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;

import io.helidon.dbclient.DbClient;

/**
 * Staff's view of the outbox: their centre's messages, a second chance for failed ones, and the
 * day's letters to print for each site.
 */
final class NotificationDesk {

    static final List<String> STATUSES = List.of("PENDING", "SENDING", "SENT", "FAILED", "CANCELLED", "HELD");
    /** A day's batch for one site stays printable in one go (and bounded in memory). */
    static final int MAX_LETTERS_PER_BATCH = 2_000;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final NotificationRepository repository;
    private final ConvocationReadModel convocations = new ConvocationReadModel();
    private final DbClient db;
    private final Transactions transactions;
    private final AuditLog audit;

    private final MessageComposer composer;

    NotificationDesk(NotificationRepository repository, DbClient db, Transactions transactions, AuditLog audit,
                     MessageComposer composer) {
        this.repository = repository;
        this.composer = composer;
        this.db = db;
        this.transactions = transactions;
        this.audit = audit;
    }

    List<OutboxEntry> list(Principal actor, String status, int limit) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return repository.list(db.execute(), actor.isAdmin() ? null : actor.scopeId(), status, limit);
    }

    OutboxEntry retry(Principal actor, UUID id) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            OutboxEntry entry = repository.find(tx, id)
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

    /** Letters of one day are the ones released for printing between its two Paris midnights. */
    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(PARIS).toInstant();
    }

    /** The day's letter batches, one per site, of the caller's centre (all for an administrator). */
    List<LetterBatch> letterBatches(Principal actor, LocalDate day) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return convocations.letterBatches(db.execute(), actor.isAdmin() ? null : List.of(actor.scopeId()),
                startOf(day), startOf(day.plusDays(1)));
    }

    /**
     * One site's letters of a day as one PDF to print, one letter per page. The same letters
     * print again on demand (a jammed printer); reading names and addresses is audited.
     */
    byte[] printLetters(Principal actor, LocalDate day, UUID siteId) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        List<DueNotification> letters = transactions.inTransaction(tx -> {
            convocations.centerOfSite(tx, siteId).filter(actor::managesCenter)
                    .orElseThrow(() -> ApiProblem.notFound("Aucun site ne correspond à cet identifiant."));
            audit.record(tx, actor, "notification.letters.print", "site", siteId);
            return convocations.lettersOf(tx, siteId, startOf(day), startOf(day.plusDays(1)), MAX_LETTERS_PER_BATCH);
        });
        // Laid out after the reading's transaction: no pooled connection is held while iText works.
        return LetterPdf.render(letters.stream().map(n -> composer.letter(n, day)).toList());
    }
}
