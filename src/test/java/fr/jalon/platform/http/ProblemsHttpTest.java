package fr.jalon.platform.http;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input of every kind answers a French problem+json 4xx, never a 500. */
@HttpTest
class ProblemsHttpTest {

    private final ApiClient admin;

    ProblemsHttpTest(ApiClient admin) {
        this.admin = admin;
    }

    @Test
    void malformedJsonIs400() {
        ApiClient.Answer answer = admin.send("POST", "/api/v1/centers", "application/json", "{\"name\": ");
        assertProblem(answer, 400, "n'est pas un JSON valide");
    }

    @Test
    void aJsonArrayInsteadOfAnObjectIs400() {
        assertProblem(admin.send("POST", "/api/v1/centers", "application/json", "[1,2]"), 400, "objet JSON");
    }

    @Test
    void anotherContentTypeIs415() {
        assertProblem(admin.send("POST", "/api/v1/centers", "text/plain", "bonjour"), 415, "application/json");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        assertProblem(admin.send("POST", "/api/v1/centers", "application/json", huge), 413, "taille maximale");
    }

    @Test
    void anUnknownRouteOrIdIs404() {
        assertProblem(admin.get("/api/v1/nothing-here"), 404, "Aucune ressource");
        assertProblem(admin.get("/api/v1/sessions/not-a-uuid"), 404, "Aucune ressource");
        assertProblem(admin.get("/api/v1/sessions/" + UUID.randomUUID()), 404, "Aucune session");
    }

    /** Outside the API too: unknown paths are 404 (a page for browsers), never a 500, never logged as an error. */
    @Test
    void unknownPathsAnywhereAre404AndNeverLoggedAsErrors() {
        List<LogRecord> severe = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    severe.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            for (String path : List.of("/nope", "/favicon.ico", "/api/nope", "/observe/nothing", "/calendars/")) {
                ApiClient.Answer json = admin.get(path);
                assertProblem(json, 404, "Aucune ressource");
                ApiClient.Answer page = admin.send("GET", path, null, "", "Accept",
                        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
                assertEquals(404, page.status(), path);
                assertTrue(page.contentType().startsWith("text/html"), path + ": " + page.contentType());
                assertTrue(page.body().contains("Page introuvable"), page.body());
            }
            ApiClient.Answer verify = admin.get("/verify/");
            assertEquals(404, verify.status(), verify.body());
            ApiClient.Answer method = admin.send("DELETE", "/", null, "");
            assertTrue(method.status() == 404 || method.status() == 405, method.body());
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(severe.isEmpty(), () -> "logged as errors: " + severe.stream().map(r -> r.getMessage()).toList());
    }

    @Test
    void theHomeLeadsToTheSignInPageThatSaysWhatJalonIsInFrenchWithItsLinks() {
        ApiClient.Answer root = admin.send("GET", "/", null, "", "Accept", "text/html");
        assertEquals(303, root.status());
        assertEquals("/connexion", root.header("Location").orElseThrow());
        ApiClient.Answer home = admin.send("GET", "/connexion", null, "", "Accept", "text/html");
        assertEquals(200, home.status());
        assertTrue(home.contentType().startsWith("text/html"), home.contentType());
        for (String expected : List.of("<html lang=\"fr\"", "sessions de certification Pix", "href=\"/openapi\"",
                "href=\"/verify\"")) {
            assertTrue(home.body().contains(expected), expected);
        }
        ApiClient.Answer form = admin.get("/verify");
        assertEquals(200, form.status());
        assertTrue(form.body().contains("<form method=\"get\" action=\"/verify\""), form.body());
        String policy = form.header("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("style-src 'self'") && !policy.contains("unsafe-inline"),
                "the public page has the console's strict policy: " + policy);
        ApiClient.Answer sent = admin.get("/verify?code=p-bcdf2346");
        assertEquals(303, sent.status());
        assertEquals("/verify/P-BCDF2346", sent.header("Location").orElseThrow());
    }

    @Test
    void wrongTypesAre422WithTheField() {
        ApiClient.Answer answer = admin.post("/api/v1/centers", Fixtures.centerBody("Centre typé")
                .add("staffRatio", "vingt").build());
        assertProblem(answer, 422, "staffRatio");
        assertEquals("staffRatio", answer.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    private static void assertProblem(ApiClient.Answer answer, int status, String detailPart) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.isProblem(), answer.contentType());
        assertEquals(status, answer.json().getInt("status"));
        assertTrue(answer.json().getString("detail").contains(detailPart), answer.body());
    }
}
