package fr.jalon.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import fr.jalon.platform.http.ApiProblem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WriteLimitsTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    @Test
    void aTokenWritesItsMinuteAtOnceThenAtTheRefillRateAndOthersAreNotTouched() {
        HandClock clock = new HandClock();
        WriteLimits limits = new WriteLimits(60, clock);
        UUID token = UUID.randomUUID();
        for (int i = 0; i < 60; i++) {
            limits.take(token);
        }
        ApiProblem refused = assertThrows(ApiProblem.class, () -> limits.take(token));
        assertEquals(429, refused.status());
        assertEquals(1, refused.retryAfterSeconds().orElseThrow());
        // Another token has its own bucket.
        limits.take(UUID.randomUUID());
        // One write a second comes back (60 a minute).
        clock.advance(Duration.ofMillis(1_000));
        limits.take(token);
        assertThrows(ApiProblem.class, () -> limits.take(token));
        // After a long pause the bucket is full again, never fuller.
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 60; i++) {
            limits.take(token);
        }
        assertThrows(ApiProblem.class, () -> limits.take(token));
    }

    @Test
    void theWaitGivenIsTheTimeUntilTheNextWrite() {
        HandClock clock = new HandClock();
        WriteLimits limits = new WriteLimits(6, clock);
        UUID token = UUID.randomUUID();
        for (int i = 0; i < 6; i++) {
            limits.take(token);
        }
        // Six a minute: one every ten seconds.
        assertEquals(10, assertThrows(ApiProblem.class, () -> limits.take(token)).retryAfterSeconds().orElseThrow());
        clock.advance(Duration.ofSeconds(4));
        assertEquals(6, assertThrows(ApiProblem.class, () -> limits.take(token)).retryAfterSeconds().orElseThrow());
    }
}
