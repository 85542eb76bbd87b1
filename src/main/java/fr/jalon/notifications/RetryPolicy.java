package fr.jalon.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed message again: exponential backoff from one minute, capped at six hours,
 * with up to 20 % random jitter so that instances do not retry in lockstep; after the last
 * attempt the message is failed and shown to staff.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMinutes(1), Duration.ofHours(6));

    /** The next attempt after {@code attemptsSoFar} failures, or empty when it is time to give up. */
    public Optional<Instant> next(int attemptsSoFar, Instant now, RandomGenerator random) {
        if (attemptsSoFar + 1 >= maxAttempts) {
            return Optional.empty();
        }
        long delay = Math.min(cap.toMillis(), base.toMillis() << Math.min(attemptsSoFar, 30));
        long jitter = (long) (delay * 0.2 * random.nextDouble());
        return Optional.of(now.plusMillis(delay + jitter));
    }
}
