package fr.jalon.platform.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Requests per route on {@code /observe/metrics}: a timer {@code jalon.http.requests} (count,
 * total and maximum seconds) tagged with the method, the route's pattern as declared
 * ({@code /api/v1/sessions/{id}}, never the path itself: no identifier, no verification code, and
 * a bounded number of series) and the status. Requests no route matched share the route
 * {@code unmatched}.
 */
public final class RequestMetrics implements Filter {

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long started = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            String method = req.prologue().method().text();
            String route = req.matchingPattern().orElse("unmatched");
            int status = res.status().code();
            timers.computeIfAbsent(method + " " + route + " " + status, key -> Metrics.globalRegistry().getOrCreate(
                            Timer.builder("jalon.http.requests").description("HTTP requests by route and status")
                                    .tags(List.of(Tag.create("method", method), Tag.create("route", route),
                                            Tag.create("status", Integer.toString(status))))))
                    .record(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
