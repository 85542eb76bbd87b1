package fr.jalon.referrals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.db.Rows;

import io.helidon.dbclient.DbExecute;

/**
 * Answers already given to a POST carrying an {@code Idempotency-Key}, per scope (organisation or
 * user). The key is claimed first in the request's transaction: a concurrent retry waits on the
 * unique key until the first commits, then replays its answer. Answers are kept 24 hours.
 */
final class IdempotencyKeyRepository {

    /** A stored answer, or a key reused with another body. */
    sealed interface Earlier permits Replay, Mismatch {
    }

    record Replay(int status, String body) implements Earlier {
    }

    record Mismatch() implements Earlier {
    }

    /** Claims the key; empty when it is new (the caller does the work), else what was answered before. */
    Optional<Earlier> claim(DbExecute tx, UUID scope, String key, String requestHash) {
        // A key is kept 24 hours: an older one is claimed afresh, as if the daily purge had already run.
        boolean claimed = tx.dml("""
                INSERT INTO idempotency_keys (scope_id, key, request_hash) VALUES (?, ?, ?)
                ON CONFLICT (scope_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = NULL, body = NULL,
                    created_at = now()
                WHERE idempotency_keys.created_at < now() - interval '24 hours'""", scope, key, requestHash) > 0;
        if (claimed) {
            return Optional.empty();
        }
        return tx.get("SELECT request_hash, status, body FROM idempotency_keys WHERE scope_id = ? AND key = ?", scope, key)
                .map(row -> Rows.text(row, "request_hash").equals(requestHash)
                        ? new Replay(Rows.integer(row, "status"), Rows.text(row, "body"))
                        : new Mismatch());
    }

    void answer(DbExecute tx, UUID scope, String key, int status, String body) {
        tx.dml("UPDATE idempotency_keys SET status = ?, body = ? WHERE scope_id = ? AND key = ?", status, body, scope, key);
    }

    /** Forgets every answer older than 24 hours (they hold the people of the answers). */
    int expire(DbExecute tx) {
        return (int) tx.dml("DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'");
    }

    static String hash(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
