package fr.jalon.platform.security;

import java.net.URI;
import java.util.Map;

import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.JalonServer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An instance allowing 5 writes per token and minute (its clock stands still: nothing refills). */
@HttpTest
class WriteLimitsHttpTest {

    private final ApiClient admin;

    WriteLimitsHttpTest(URI uri, ApiClient admin) {
        this.admin = admin;
    }

    @Test
    void beyondItsWritesATokenIsAnswered429WithRetryAfterWhileReadsAndOtherTokensGoOn() {
        Fixtures fixtures = new Fixtures(admin);
        String center = fixtures.center();
        String staffToken = fixtures.tokenFor("CENTER_STAFF", center);
        try (var limited = JalonServer.secondInstance(Map.of("JALON_WRITES_PER_TOKEN_PER_MINUTE", "5"))) {
            ApiClient staff = new ApiClient("http://localhost:" + limited.port(), staffToken);
            for (int i = 0; i < 5; i++) {
                ApiClient.Answer site = staff.post("/api/v1/centers/" + center + "/sites",
                        Fixtures.siteBody(Fixtures.unique("Site")).build());
                assertEquals(201, site.status(), site.body());
            }
            ApiClient.Answer refused = staff.post("/api/v1/centers/" + center + "/sites",
                    Fixtures.siteBody(Fixtures.unique("Site")).build());
            assertEquals(429, refused.status(), refused.body());
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
            assertTrue(refused.json().getString("detail").contains("Trop d'écritures"), refused.body());
            int retryAfter = Integer.parseInt(refused.header("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 12, "one write in 12 s comes back: " + retryAfter);
            // Reads are not counted, and the refused write created nothing.
            ApiClient.Answer sites = staff.get("/api/v1/centers/" + center + "/sites");
            assertEquals(200, sites.status(), sites.body());
            assertEquals(5, sites.json().getJsonArray("items").size(), sites.body());
            // Another token has its own allowance.
            ApiClient other = new ApiClient("http://localhost:" + limited.port(), JalonServer.adminToken());
            assertEquals(201, other.post("/api/v1/centers/" + center + "/sites",
                    Fixtures.siteBody(Fixtures.unique("Site")).build()).status());
        }
    }
}
