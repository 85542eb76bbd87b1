package fr.jalon.platform.db;

import io.helidon.dbclient.DbClient;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/** Readiness: the database answers a trivial query. */
public final class DatabaseHealthCheck implements HealthCheck {

    private final DbClient db;

    public DatabaseHealthCheck(DbClient db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            boolean up = db.execute().get("SELECT 1 AS ok").isPresent();
            return HealthCheckResponse.builder().status(up).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.builder().status(false).detail("error", e.getClass().getSimpleName()).build();
        }
    }
}
