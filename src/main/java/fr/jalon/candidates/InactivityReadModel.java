package fr.jalon.candidates;

import java.util.List;
import java.util.UUID;

import fr.jalon.platform.db.Rows;

import io.helidon.dbclient.DbExecute;

/**
 * Read model of people's last activity, for retention: locks the people past the limit. Reads
 * other features' tables — {@code sessions} (sessions), {@code referrals} (referrals) — beside
 * {@code people} and {@code enrolments}; writes nothing.
 */
final class InactivityReadModel {

    /**
     * Locks (skipping those in use) at most {@code batch} people whose last activity is older than
     * {@code months} months: the end of their last session, the last change of a referral or of
     * the record itself; never one with a NEW, POSTPONED or ACCEPTED referral or an upcoming
     * session. Reads the referrals' table as a read model (the rule is about the person's life).
     */
    List<UUID> lockStale(DbExecute exec, int months, int batch) {
        return exec.query("""
                        WITH limits AS (SELECT now() - make_interval(months => CAST(? AS integer)) AS cutoff)
                        SELECT p.id FROM people p, limits
                        WHERE p.anonymised_at IS NULL AND p.updated_at < limits.cutoff AND p.created_at < limits.cutoff
                          AND NOT EXISTS (SELECT 1 FROM enrolments e JOIN sessions s ON s.id = e.session_id
                                          WHERE e.person_id = p.id AND s.ends_at > limits.cutoff)
                          AND NOT EXISTS (SELECT 1 FROM referrals r
                                          WHERE r.person_id = p.id AND (r.status IN ('NEW', 'POSTPONED', 'ACCEPTED')
                                                                        OR r.updated_at > limits.cutoff))
                        ORDER BY p.id LIMIT ? FOR UPDATE OF p SKIP LOCKED""", months, batch)
                .map(row -> Rows.uuid(row, "id")).toList();
    }
}
