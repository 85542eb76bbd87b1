package fr.jalon.attestations;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.time.ZoneOffset;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.testing.TestDatabase;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public check's limit per client address, counted in the database (shared by instances). */
class VerificationTest {

    private static Verification at(Instant now) {
        var db = TestDatabase.get();
        return new Verification(db.database().transactions(), new AttestationRepository(),
                db.application().results(), new AuditLog(), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aClientGetsThirtyChecksAMinuteThenWaits() {
        String client = "198.51.100." + (System.nanoTime() % 250);
        Instant minute = Instant.parse("2026-11-23T10:15:00Z").plusSeconds(60L * (System.nanoTime() % 10_000));
        Verification verification = at(minute.plusSeconds(5));
        for (int i = 0; i < Verification.PER_MINUTE; i++) {
            assertTrue(verification.check("P-BCDFGHJK", client).isEmpty());
        }
        ApiProblem refused = assertThrows(ApiProblem.class, () -> verification.check("P-BCDFGHJK", client));
        assertEquals(429, refused.status());
        assertTrue(refused.detail().contains("réessayez"));
        assertEquals(Optional.of(55), refused.retryAfterSeconds(), "Retry-After: the seconds left in the minute");
        assertTrue(verification.check("P-BCDFGHJK", client + "9").isEmpty(), "another address is not limited");
        assertTrue(at(minute.plusSeconds(65)).check("P-BCDFGHJK", client).isEmpty(), "the next minute starts afresh");
    }

    @Test
    void codesAreReadAsPeopleTypeThem() {
        assertEquals("P-BCDFGHJK", Verification.normalize(" p-bcdfghjk "));
        assertEquals("P-BCDFGHJK", Verification.normalize("BCDFGHJK"));
        assertEquals("P-BCDF GHJK".replace(" ", ""), Verification.normalize("P-BCDF GHJK"));
    }

    @Test
    void ipv6ClientsShareTheirSlash64AndEveryoneTogetherHasACeiling() {
        Instant minute = Instant.parse("2026-11-24T10:15:00Z").plusSeconds(60L * (System.nanoTime() % 10_000));
        Verification verification = at(minute.plusSeconds(20));
        String prefix = "2001:db8:" + Integer.toHexString((int) (System.nanoTime() % 65_000)) + ":7:";
        for (int i = 0; i < Verification.PER_MINUTE; i++) {
            assertTrue(verification.check("P-BCDFGHJK", prefix + Integer.toHexString(i + 1) + "::1").isEmpty());
        }
        ApiProblem sameNetwork = assertThrows(ApiProblem.class, () -> verification.check("P-BCDFGHJK", prefix + "ffff::9"));
        assertEquals(429, sameNetwork.status(), "another address of the same /64 is the same client");

        TestDatabase.get().database().client().execute().dml("INSERT INTO rate_limit_hits (bucket, window_start, hits) "
                + "VALUES ('verify:*', ?, ?) ON CONFLICT (bucket, window_start) DO UPDATE SET hits = EXCLUDED.hits",
                minute.atOffset(ZoneOffset.UTC), Verification.GLOBAL_PER_MINUTE);
        ApiProblem ceiling = assertThrows(ApiProblem.class, () -> verification.check("P-BCDFGHJK", "192.0.2.77"));
        assertEquals(503, ceiling.status(), "a scan spread over many addresses meets the global ceiling");
        assertEquals(Optional.of(40), ceiling.retryAfterSeconds());
    }
}
