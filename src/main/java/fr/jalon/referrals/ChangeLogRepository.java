package fr.jalon.referrals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;

import io.helidon.dbclient.DbExecute;
import jakarta.json.JsonObject;

/**
 * SQL of the referral change log, its sequencer and its outbound deliveries. A change is written
 * in the transaction of the change itself, with its webhook and e-mail deliveries (outbox).
 */
final class ChangeLogRepository {

    /** One entry of the feed; {@code referralJson} is the snapshot as stored (JSON text, passed through unparsed). */
    record Change(UUID id, long seq, UUID referralId, String event, String referralJson, Instant occurredAt) {
    }

    /** A delivery due now, with what sending it needs. */
    record DueDelivery(UUID id, String channel, int attempts, UUID changeId, String event, String snapshot,
                       Instant occurredAt, String webhookUrl, String webhookSecret, String adviserEmail,
                       String adviserName) {
    }

    /** Records a change; queues the webhook when the organisation has one, and the adviser's e-mail. */
    void record(DbExecute exec, UUID referralId, UUID organisationId, String event, JsonObject snapshot) {
        exec.dml("""
                WITH c AS (INSERT INTO referral_changes (referral_id, organisation_id, event, snapshot)
                           VALUES (?, ?, ?, CAST(? AS jsonb)) RETURNING id)
                INSERT INTO referral_deliveries (change_id, channel)
                SELECT c.id, 'WEBHOOK' FROM c WHERE EXISTS (SELECT 1 FROM referring_organisations o
                                                            WHERE o.id = ? AND o.webhook_url IS NOT NULL)
                UNION ALL SELECT c.id, 'EMAIL' FROM c""",
                referralId, organisationId, event, snapshot.toString(), organisationId);
    }

    /**
     * Numbers the committed, unnumbered changes in order. One sequencer at a time (advisory lock),
     * each in its own transaction: a change committed late gets a number after every number
     * already visible, so a reader's cursor never passes it.
     */
    int sequence(DbExecute tx) {
        tx.query("SELECT pg_advisory_xact_lock(hashtext('jalon.referral_changes'))").toList();
        return (int) tx.dml("""
                WITH pending AS (SELECT id FROM referral_changes WHERE seq IS NULL ORDER BY occurred_at, id LIMIT 10000),
                     numbered AS (SELECT id, nextval('referral_change_seq') AS seq FROM pending)
                UPDATE referral_changes c SET seq = n.seq FROM numbered n WHERE c.id = n.id""");
    }

    /** Changes after {@code afterSeq} (or after {@code updatedAfter} without a cursor), of one organisation or all. */
    List<Change> feed(DbExecute exec, UUID organisationId, Long afterSeq, Instant updatedAfter, int limit) {
        // Two statements rather than "? IS NULL OR organisation_id = ?": a generic plan of that
        // form cannot use the (organisation_id, seq) index and read the whole log for each page.
        String scope = organisationId == null ? "" : "organisation_id = ? AND ";
        List<Object> params = new ArrayList<>();
        if (organisationId != null) {
            params.add(organisationId);
        }
        params.add(afterSeq == null ? 0L : afterSeq);
        params.add((updatedAfter == null || afterSeq != null ? Instant.EPOCH : updatedAfter).atOffset(ZoneOffset.UTC));
        params.add(limit);
        return exec.query("SELECT id, seq, referral_id, event, snapshot::text AS snapshot, occurred_at FROM referral_changes "
                        + "WHERE " + scope + "seq > ? AND occurred_at > ? ORDER BY seq LIMIT ?", params.toArray())
                .map(row -> new Change(Rows.uuid(row, "id"), Rows.longValue(row, "seq"), Rows.uuid(row, "referral_id"),
                        Rows.text(row, "event"), Rows.text(row, "snapshot"), Rows.instant(row, "occurred_at")))
                .toList();
    }

    /**
     * Claims due deliveries for this instance (pending ones whose time has come, and those whose
     * sender's lease ran out): {@code SENDING} with a lease, {@code SKIP LOCKED} between instances.
     */
    List<UUID> claimDue(DbExecute exec, int limit, String owner, Instant leaseUntil) {
        return exec.query("""
                        WITH pending AS (
                            SELECT id FROM referral_deliveries WHERE status = 'PENDING' AND next_attempt_at <= now()
                            ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED),
                        orphaned AS (
                            SELECT id FROM referral_deliveries WHERE status = 'SENDING' AND lease_until < now()
                            ORDER BY lease_until LIMIT ? FOR UPDATE SKIP LOCKED)
                        UPDATE referral_deliveries d SET status = 'SENDING', lease_until = ?, lease_owner = ?
                        WHERE d.id IN (SELECT id FROM pending UNION ALL SELECT id FROM orphaned)
                        RETURNING d.id""", limit, limit, leaseUntil.atOffset(ZoneOffset.UTC), owner)
                .map(row -> Rows.uuid(row, "id")).toList();
    }

    /** What sending these claimed deliveries needs, oldest change first. */
    List<DueDelivery> claimed(DbExecute exec, List<UUID> ids) {
        return exec.query("""
                        SELECT d.id, d.channel, d.attempts, c.id AS change_id, c.event, c.snapshot::text AS snapshot,
                               c.occurred_at, o.webhook_url, o.webhook_secret, u.email AS adviser_email,
                               u.display_name AS adviser_name
                        FROM referral_deliveries d
                        JOIN referral_changes c ON c.id = d.change_id
                        JOIN referrals r ON r.id = c.referral_id
                        JOIN referring_organisations o ON o.id = c.organisation_id
                        JOIN users u ON u.id = r.adviser_id
                        WHERE d.id = ANY(CAST(? AS uuid[]))
                        ORDER BY c.occurred_at""", (Object) SqlArrays.of(ids))
                .map(row -> new DueDelivery(Rows.uuid(row, "id"), Rows.text(row, "channel"), Rows.integer(row, "attempts"),
                        Rows.uuid(row, "change_id"), Rows.text(row, "event"), Rows.text(row, "snapshot"),
                        Rows.instant(row, "occurred_at"), Rows.text(row, "webhook_url"), Rows.text(row, "webhook_secret"),
                        Rows.text(row, "adviser_email"), Rows.text(row, "adviser_name")))
                .toList();
    }

    /* Outcomes of a claimed delivery: only while this instance holds its lease; they release it. */
    private static final String HELD = ", lease_until = NULL, lease_owner = NULL WHERE id = ? AND status = 'SENDING' "
            + "AND lease_owner = ?";

    boolean markSent(DbExecute exec, UUID id, String owner) {
        return exec.dml("UPDATE referral_deliveries SET status = 'SENT', attempts = attempts + 1, sent_at = now(), "
                + "last_error = NULL" + HELD, id, owner) == 1;
    }

    boolean markRetry(DbExecute exec, UUID id, String owner, Instant next, String error) {
        return exec.dml("UPDATE referral_deliveries SET status = 'PENDING', attempts = attempts + 1, next_attempt_at = ?, "
                + "last_error = ?" + HELD, next.atOffset(ZoneOffset.UTC), error, id, owner) == 1;
    }

    boolean markFailed(DbExecute exec, UUID id, String owner, String error) {
        return exec.dml("UPDATE referral_deliveries SET status = 'FAILED', attempts = attempts + 1, last_error = ?" + HELD,
                error, id, owner) == 1;
    }
}
