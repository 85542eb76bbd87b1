package fr.jalon.platform.http;

import fr.jalon.testing.OpenApiContract;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract check every HTTP test goes through does catch drift. */
class OpenApiContractTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aValueOutsideADocumentedEnumIsDrift() {
        String listed = "{\"items\":[{\"id\":\"0b6c1d3e-1111-4222-8333-444455556666\",\"kind\":\"%s\",\"channel\":\"EMAIL\","
                + "\"status\":\"SENT\",\"attempts\":1,\"createdAt\":\"2026-12-03T09:00:00Z\"}]}";
        assertDoesNotThrow(() -> OpenApiContract.check("GET", "/api/v1/notifications", 200, "application/json",
                listed.formatted("RESULTS_AVAILABLE")));
        AssertionError drift = assertThrows(AssertionError.class, () -> OpenApiContract.check("GET",
                "/api/v1/notifications", 200, "application/json", listed.formatted("CARRIER_PIGEON")));
        assertTrue(drift.getMessage().contains("/api/v1/notifications"), drift.getMessage());
    }

    @Test
    void aWrongTypeAndAnUndocumentedStatusAreDrift() {
        assertThrows(AssertionError.class, () -> OpenApiContract.check("GET", "/api/v1/me", 200, "application/json",
                "{\"id\":42}"));
        assertThrows(AssertionError.class, () -> OpenApiContract.check("GET", "/api/v1/me", 207, "application/json",
                "{}"));
        assertThrows(AssertionError.class, () -> OpenApiContract.check("POST", "/api/v1/centers", 422, PROBLEM,
                "{\"type\":\"/problems/validation\",\"status\":\"quatre cent vingt-deux\"}"));
    }

    @Test
    void theHttpSuiteIsActuallyChecked() {
        assertDoesNotThrow(() -> OpenApiContract.check("GET", "/api/v1/sessions/0b6c1d3e-1111-4222-8333-444455556666",
                404, PROBLEM, "{\"type\":\"/problems/not-found\",\"title\":\"Introuvable\",\"status\":404,\"detail\":\"x\"}"));
        assertTrue(OpenApiContract.checked() > 0);
    }
}
