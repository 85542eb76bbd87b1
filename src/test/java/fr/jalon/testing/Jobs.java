package fr.jalon.testing;

import java.time.Duration;
import java.time.Instant;

import fr.jalon.platform.json.Jsons;

import jakarta.json.JsonObject;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs a scheduled job through the API, as an administrator would, and waits for its run to be recorded. */
public final class Jobs {

    private Jobs() {
    }

    /** Triggers {@code job} and returns its run ({@code lastRun}) once recorded; fails after 60 s. */
    public static JsonObject runAndWait(ApiClient admin, String job) throws InterruptedException {
        // Run times are stored to the microsecond by the database; a second of slack absorbs clock rounding.
        Instant triggered = Instant.now().minusSeconds(1);
        assertEquals(202, admin.post("/api/v1/jobs/" + job + "/run", Jsons.createObjectBuilder().build()).status());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonObject listed = admin.get("/api/v1/jobs").json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                    .filter(j -> j.getString("name").equals(job)).findFirst().orElseThrow();
            if (listed.containsKey("lastRun")
                    && !Instant.parse(listed.getJsonObject("lastRun").getString("startedAt")).isBefore(triggered)) {
                return listed.getJsonObject("lastRun");
            }
            Thread.sleep(200);
        }
        throw new AssertionError(job + " did not run within 60 s");
    }
}
