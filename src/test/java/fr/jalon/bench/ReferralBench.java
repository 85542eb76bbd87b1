package fr.jalon.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.TestDatabase;

import io.helidon.webserver.WebServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Referral intake over HTTP with 32 keep-alive clients, each request with its own
 * Idempotency-Key (goal: at least 500 referrals/s on 2 cores, p99 reported); then an adviser
 * pages through a feed of 100,000 changes with the cursor (goal: under 5 s).
 */
class ReferralBench {

    private static final int CLIENTS = 32;
    private static final int WARMUP = 6_000;
    private static final int REFERRALS = 10_000;
    private static final int FEED = 100_000;
    private static final int PAGE = 1_000;

    @Test
    void intakeAndFeed() throws Exception {
        WebServer server = BenchSupport.startServer();
        try {
            ApiClient admin = new ApiClient("http://localhost:" + server.port(), JalonServer.adminToken());
            String token = adviserOf(admin, new Fixtures(admin).center());
            String tag = Fixtures.uniqueLetters();
            List<byte[]> payloads = new ArrayList<>();
            for (int i = 0; i < WARMUP + REFERRALS; i++) {
                JsonObject body = Jsons.createObjectBuilder()
                        .add("person", Fixtures.personBody("Prescrit-" + tag + "-" + Fixtures.letters(i), "Camille", "1995-03-08")
                                .add("franceTravailNumber", String.format("%011d", 70_000_000_000L + i)))
                        .add("constraints", Jsons.createObjectBuilder()
                                .add("availability", Jsons.createArrayBuilder().add("MONDAY_MORNING").add("THURSDAY_AFTERNOON")))
                        .add("consent", Jsons.createObjectBuilder().add("personInformed", true))
                        .build();
                payloads.add(body.toString().getBytes(StandardCharsets.UTF_8));
            }
            ThreadLocal<RawHttpClient> clients = ThreadLocal.withInitial(() -> new RawHttpClient("localhost", server.port()));
            LatencyRecorder.run("warm-up", CLIENTS, WARMUP, i -> refer(clients.get(), token, payloads.get(i), tag + i));
            LatencyRecorder.Result intake = LatencyRecorder.run("refer", CLIENTS, REFERRALS,
                    i -> refer(clients.get(), token, payloads.get(WARMUP + i), tag + (WARMUP + i)));
            assertEquals(0, intake.failures());

            String feedToken = adviserOf(admin, new Fixtures(admin).center());
            ApiClient feedReader = admin.as(feedToken);
            String referral = feedReader.post("/api/v1/referrals", Jsons.createObjectBuilder()
                    .add("person", Fixtures.personBody("Flux-" + tag, "Camille", "1995-03-08"))
                    .add("consent", Jsons.createObjectBuilder().add("personInformed", true)).build()).id();
            seedChanges(UUID.fromString(referral));
            String cursor = "0";
            int read = 0;
            long started = System.nanoTime();
            while (true) {
                JsonObject page = feedReader.get("/api/v1/referrals/changes?limit=" + PAGE + "&cursor=" + cursor).json();
                int size = page.getJsonArray("items").size();
                if (size == 0) {
                    break;
                }
                read += size;
                cursor = page.getString("nextCursor");
            }
            double feedSeconds = (System.nanoTime() - started) / 1e9;
            assertEquals(FEED + 1, read, "every change once");

            String summary = String.format(Locale.ROOT,
                    "referrals: intake %.0f referrals/s with %d clients (p50 %.1f ms, p99 %.1f ms), goal >= 500/s; "
                            + "feed of %d changes paged (%d per page) in %.2f s, goal < 5 s",
                    intake.perSecond(), CLIENTS, intake.p50Millis(), intake.p99Millis(), read, PAGE, feedSeconds);
            BenchSupport.report("referrals", Jsons.createObjectBuilder()
                    .add("name", "referrals")
                    .add("intake", intake.json())
                    .add("feedChanges", read)
                    .add("feedPageSize", PAGE)
                    .add("feedSeconds", BenchSupport.round(feedSeconds))
                    .add("goals", "intake perSecond >= 500 and feedSeconds < 5")
                    .build(), summary);
        } finally {
            server.stop();
        }
    }

    /** An organisation referring to the centre, one of its advisers, and a token for them. */
    private static String adviserOf(ApiClient admin, String center) {
        String organisation = admin.post("/api/v1/referring-organisations", Jsons.createObjectBuilder()
                .add("kind", "ML").add("name", Fixtures.unique("Mission Locale des Landes")).add("siret", Fixtures.SIRET)
                .add("centerIds", Jsons.createArrayBuilder().add(center)).build()).id();
        String user = admin.post("/api/v1/users", Jsons.createObjectBuilder()
                .add("email", UUID.randomUUID() + "@ml.example").add("displayName", "Conseillère")
                .add("role", "ADVISER").add("organisationId", organisation).build()).id();
        return admin.post("/api/v1/users/" + user + "/tokens", Jsons.createObjectBuilder().add("label", "bench").build())
                .json().getString("token");
    }

    /** 100,000 changes of one referral, numbered as the sequencer numbers them. */
    private static void seedChanges(UUID referral) {
        TestDatabase.get().application().referrals().deliverOutcomes();
        TestDatabase.get().database().client().execute().dml("""
                INSERT INTO referral_changes (seq, referral_id, organisation_id, event, snapshot, occurred_at)
                SELECT nextval('referral_change_seq'), c.referral_id, c.organisation_id, 'referral.postponed', c.snapshot,
                       now() + g * interval '1 millisecond'
                FROM referral_changes c CROSS JOIN generate_series(1, ?) AS g
                WHERE c.referral_id = ?""", FEED, referral);
        // A log that grew by 100,000 rows in one statement has stale statistics until autovacuum
        // runs (the planner then sorts the whole organisation's log per page); in service it grows
        // gradually and autovacuum keeps up.
        TestDatabase.get().database().client().execute().dml("ANALYZE referral_changes");
    }

    private static boolean refer(RawHttpClient client, String token, byte[] body, String key) {
        return client.send("POST", "/api/v1/referrals", token, body, "Idempotency-Key: " + key + "\r\n") == 201;
    }
}
