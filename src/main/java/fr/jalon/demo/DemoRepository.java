package fr.jalon.demo;

import java.util.UUID;

import io.helidon.dbclient.DbClient;

/** The one thing the demo does that the API must never allow: moving a session into the past. */
final class DemoRepository {

    private final DbClient db;

    DemoRepository(DbClient db) {
        this.db = db;
    }

    /** Makes a filled session one that started an hour ago (to the minute), with its Pix session number. */
    void startedAnHourAgo(UUID sessionId, long pixNumber) {
        db.execute().dml("""
                UPDATE sessions
                SET local_date = CAST(date_trunc('minute', now() AT TIME ZONE 'Europe/Paris') - interval '1 hour' AS date),
                    start_time = CAST(date_trunc('minute', now() AT TIME ZONE 'Europe/Paris') - interval '1 hour' AS time),
                    starts_at = date_trunc('minute', now()) - interval '1 hour',
                    ends_at = date_trunc('minute', now()) + interval '45 minutes', pix_number = ?
                WHERE id = ?""", pixNumber, sessionId);
    }
}
