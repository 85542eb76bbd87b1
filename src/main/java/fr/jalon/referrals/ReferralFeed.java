package fr.jalon.referrals;

import java.time.Instant;
import java.util.List;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;

/**
 * The adviser's pull feed: changes of their organisation's referrals in a stable order. Committed
 * changes are numbered first (the sequencer), then a page is read after the cursor; each referral
 * the page shows is an audited read of a person's data.
 */
final class ReferralFeed {

    private final Transactions transactions;
    private final ChangeLogRepository changes;
    private final AuditLog audit;

    ReferralFeed(Transactions transactions, ChangeLogRepository changes, AuditLog audit) {
        this.transactions = transactions;
        this.changes = changes;
        this.audit = audit;
    }

    /** The page after {@code cursor} (or from {@code after}), as the JSON the API answers. */
    String page(Principal actor, Long cursor, Instant after, int limit) {
        actor.requireRole(Role.ADMIN, Role.ADVISER);
        transactions.run(changes::sequence);
        List<ChangeLogRepository.Change> page = transactions.inTransaction(tx -> {
            List<ChangeLogRepository.Change> found = changes.feed(tx, actor.isAdmin() ? null : actor.scopeId(), cursor,
                    after, limit);
            if (!found.isEmpty()) {
                audit.record(tx, actor, "referral.feed.read", "organisation", actor.isAdmin() ? null : actor.scopeId());
                // Each referral the page shows is a read of a person's data (one statement for the page).
                audit.recordMany(tx, actor, "referral.read", "referral",
                        found.stream().map(c -> c.referralId().toString()).distinct().toList());
            }
            return found;
        });
        long next = page.isEmpty() ? (cursor == null ? 0 : cursor) : page.getLast().seq();
        return ReferralJson.feedPage(page, next);
    }
}
