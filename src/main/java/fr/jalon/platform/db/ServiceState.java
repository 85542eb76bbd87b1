package fr.jalon.platform.db;

import io.helidon.dbclient.DbClient;

/** One-off facts about this database, such as "demo data loaded". */
public final class ServiceState {

    private final DbClient db;

    public ServiceState(DbClient db) {
        this.db = db;
    }

    public boolean has(String key) {
        return db.execute().get("SELECT 1 FROM service_state WHERE key = ?", key).isPresent();
    }

    public void put(String key, String value) {
        db.execute().dml("INSERT INTO service_state (key, value) VALUES (?, ?) "
                + "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()", key, value);
    }
}
