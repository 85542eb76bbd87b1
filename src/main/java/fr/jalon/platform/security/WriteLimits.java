package fr.jalon.platform.security;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import fr.jalon.platform.http.ApiProblem;

import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Writes per API token: a bucket of {@code perMinute} writes (POST, PUT, PATCH, DELETE) that
 * refills continuously, so a script that runs away — or a stolen token — cannot flood the
 * service, while a day's work and a batch of a few thousand enrolments go through. Beyond it,
 * 429 with the seconds until the next write is allowed in {@code Retry-After}. Per instance: two
 * instances let a token write up to twice as much; {@code ops/nginx-jalon.conf} holds the same
 * limit per token across instances. Reads and the public routes are not counted.
 */
public final class WriteLimits implements Filter {

    /** Tokens idle this long are forgotten (their bucket is full again anyway). */
    private static final long FORGET_NANOS = 10 * 60 * 1_000_000_000L;

    private final int perMinute;
    private final Clock clock;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    /** {@code perMinute} 0: no limit. */
    public WriteLimits(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Method method = req.prologue().method();
        boolean write = method == Method.POST || method == Method.PUT || method == Method.PATCH || method == Method.DELETE;
        var principal = req.context().get(Principal.class);
        if (perMinute > 0 && write && principal.isPresent() && principal.get().tokenId() != null) {
            take(principal.get().tokenId());
        }
        chain.proceed();
    }

    /** Takes one write from the token's bucket, or refuses with the wait until one is back. */
    void take(UUID token) {
        long now = clock.millis() * 1_000_000L;
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(token, t -> new Bucket(perMinute, now));
        long waitNanos = bucket.take(perMinute, now);
        if (waitNanos > 0) {
            throw ApiProblem.tooManyRequests("Trop d'écritures avec ce jeton (au plus " + perMinute
                    + " par minute) : réessayez dans quelques secondes.")
                    .retryAfter((int) Math.max(1, Math.ceil(waitNanos / 1e9)));
        }
    }

    private void sweep(long now) {
        if (now - lastSweep > FORGET_NANOS) {
            lastSweep = now;
            buckets.values().removeIf(b -> b.idleSince(now) > FORGET_NANOS);
        }
    }

    /** Writes left, refilled at {@code perMinute} a minute, never above {@code perMinute}. */
    private static final class Bucket {
        private double left;
        private long at;

        Bucket(int perMinute, long now) {
            this.left = perMinute;
            this.at = now;
        }

        /** 0 when a write is taken; otherwise the nanoseconds until one is back. */
        synchronized long take(int perMinute, long now) {
            double perNano = perMinute / 60e9;
            left = Math.min(perMinute, left + Math.max(0, now - at) * perNano);
            at = Math.max(at, now);
            if (left >= 1) {
                left -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - left) / perNano);
        }

        synchronized long idleSince(long now) {
            return now - at;
        }
    }
}
