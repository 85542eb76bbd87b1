package fr.jalon.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final RetryPolicy policy = RetryPolicy.DEFAULT;

    @Test
    void delaysDoubleFromOneMinuteWithAtMostTwentyPercentJitter() {
        Random random = new Random(7);
        for (int attempts = 0; attempts < 5; attempts++) {
            long delay = Duration.between(NOW, policy.next(attempts, NOW, random).orElseThrow()).toMillis();
            long base = 60_000L << attempts;
            assertTrue(delay >= base && delay <= base * 1.2, attempts + " -> " + delay);
        }
    }

    @Test
    void delaysAreCappedAndTheLastAttemptGivesUp() {
        RetryPolicy long_ = new RetryPolicy(40, Duration.ofMinutes(1), Duration.ofHours(6));
        long delay = Duration.between(NOW, long_.next(20, NOW, new Random(1)).orElseThrow()).toMillis();
        assertTrue(delay <= Duration.ofHours(6).toMillis() * 1.2);
        assertTrue(policy.next(4, NOW, new Random(1)).isPresent());
        assertEquals(Optional.empty(), policy.next(5, NOW, new Random(1)), "the 6th failure is final");
    }
}
