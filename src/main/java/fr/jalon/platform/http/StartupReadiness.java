package fr.jalon.platform.http;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * Readiness of the start-up work: DOWN from the start until {@link #ready()} says the migrations
 * and demo data are done, so a client or load balancer polling {@code /observe/health/ready}
 * never meets a half-started instance. Liveness ({@code /observe/health/live}) does not wait.
 */
public final class StartupReadiness implements HealthCheck {

    private volatile boolean ready;

    /** Start-up work is finished: the instance may take traffic. */
    public void ready() {
        ready = true;
    }

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.builder().status(ready)
                .detail("state", ready ? "prêt" : "démarrage en cours (migrations, données de démonstration)").build();
    }
}
