package fr.jalon.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

import fr.jalon.bench.BenchSupport.Goal;
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
 * Idempotency-Key (goal: at least 500 referrals/s on 2 cores, p99 reported), against the same
 * writes as plain JDBC transactions from 32 threads, in alternating rounds; then an adviser pages
 * through a feed of 100,000 changes with the cursor (goal: under 5 s), against the same pages read
 * with the feed's query over JDBC.
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
            Adviser adviser = adviserOf(admin, new Fixtures(admin).center());
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
            DataSource dataSource = TestDatabase.get().database().dataSource();
            LatencyRecorder.run("warm-up", CLIENTS, WARMUP, i -> refer(clients.get(), adviser.token(), payloads.get(i), tag + i));
            LatencyRecorder.run("baseline warm-up", CLIENTS, WARMUP / 4, i -> referOverJdbc(dataSource, adviser, "w" + tag, i));
            LatencyRecorder.Compared intake = LatencyRecorder.alternating("refer", "jdbc", CLIENTS, REFERRALS, 4,
                    i -> refer(clients.get(), adviser.token(), payloads.get(WARMUP + i), tag + (WARMUP + i)),
                    i -> referOverJdbc(dataSource, adviser, tag, i));
            assertEquals(0, intake.measured().failures() + intake.baseline().failures());

            Adviser feedAdviser = adviserOf(admin, new Fixtures(admin).center());
            ApiClient feedReader = admin.as(feedAdviser.token());
            String referral = feedReader.post("/api/v1/referrals", Jsons.createObjectBuilder()
                    .add("person", Fixtures.personBody("Flux-" + tag, "Camille", "1995-03-08"))
                    .add("consent", Jsons.createObjectBuilder().add("personInformed", true)).build()).id();
            seedChanges(UUID.fromString(referral));
            // Alternating: HTTP, JDBC, HTTP, JDBC; the figures are the means of the two reads of each.
            double feedSeconds = 0;
            double jdbcFeedSeconds = 0;
            for (int round = 0; round < 2; round++) {
                long started = System.nanoTime();
                assertEquals(FEED + 1, readFeed(feedReader), "every change once");
                feedSeconds += (System.nanoTime() - started) / 1e9 / 2;
                started = System.nanoTime();
                assertEquals(FEED + 1, readFeedOverJdbc(dataSource, feedAdviser.organisation()));
                jdbcFeedSeconds += (System.nanoTime() - started) / 1e9 / 2;
            }

            LatencyRecorder.Result measured = intake.measured();
            String summary = String.format(Locale.ROOT,
                    "referrals: intake %.0f referrals/s with %d clients (p50 %.1f ms, p99 %.1f ms) = %.2f x the JDBC "
                            + "baseline's %.0f/s; feed of %d changes paged (%d per page) in %.2f s = %.2f x the same "
                            + "pages read over JDBC (%.2f s)",
                    measured.perSecond(), CLIENTS, measured.p50Millis(), measured.p99Millis(), intake.throughputRatio(),
                    intake.baseline().perSecond(), FEED + 1, PAGE, feedSeconds, feedSeconds / jdbcFeedSeconds,
                    jdbcFeedSeconds);
            BenchSupport.report("referrals", Jsons.createObjectBuilder()
                    .add("name", "referrals")
                    .add("intake", measured.json())
                    .add("intakeJdbcBaseline", intake.baseline().json())
                    .add("intakeThroughputRatio", intake.throughputRatio())
                    .add("feedChanges", FEED + 1)
                    .add("feedPageSize", PAGE)
                    .add("feedSeconds", BenchSupport.round(feedSeconds))
                    .add("feedJdbcSeconds", BenchSupport.round(jdbcFeedSeconds))
                    .add("feedRatio", BenchSupport.ratio(feedSeconds, jdbcFeedSeconds)), summary,
                    Goal.atLeast("intake.perSecond", 500), Goal.below("feedSeconds", 5));
        } finally {
            server.stop();
        }
    }

    private static int readFeed(ApiClient reader) {
        String cursor = "0";
        int read = 0;
        while (true) {
            JsonObject page = reader.get("/api/v1/referrals/changes?limit=" + PAGE + "&cursor=" + cursor).json();
            int size = page.getJsonArray("items").size();
            if (size == 0) {
                return read;
            }
            read += size;
            cursor = page.getString("nextCursor");
        }
    }

    /** The feed's query, page by page, over JDBC. */
    private static int readFeedOverJdbc(DataSource dataSource, UUID organisation) throws SQLException {
        long cursor = 0;
        int read = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement page = c.prepareStatement("""
                SELECT id, seq, referral_id, event, snapshot::text AS snapshot, occurred_at FROM referral_changes
                WHERE organisation_id = ? AND seq > ? AND occurred_at > ? ORDER BY seq LIMIT ?""")) {
            while (true) {
                page.setObject(1, organisation);
                page.setLong(2, cursor);
                page.setObject(3, OffsetDateTime.parse("1970-01-01T00:00:00Z"));
                page.setInt(4, PAGE);
                int size = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        size++;
                        cursor = rs.getLong("seq");
                        rs.getString("snapshot");
                    }
                }
                if (size == 0) {
                    return read;
                }
                read += size;
            }
        }
    }

    /** An adviser, their organisation (referring to the centre) and a token for them. */
    private record Adviser(String token, UUID user, UUID organisation, UUID center) {
    }

    private static Adviser adviserOf(ApiClient admin, String center) {
        String organisation = admin.post("/api/v1/referring-organisations", Jsons.createObjectBuilder()
                .add("kind", "ML").add("name", Fixtures.unique("Mission Locale des Landes")).add("siret", Fixtures.SIRET)
                .add("centerIds", Jsons.createArrayBuilder().add(center)).build()).id();
        String user = admin.post("/api/v1/users", Jsons.createObjectBuilder()
                .add("email", UUID.randomUUID() + "@ml.example").add("displayName", "Conseillère")
                .add("role", "ADVISER").add("organisationId", organisation).build()).id();
        String token = admin.post("/api/v1/users/" + user + "/tokens", Jsons.createObjectBuilder().add("label", "bench").build())
                .json().getString("token");
        return new Adviser(token, UUID.fromString(user), UUID.fromString(organisation), UUID.fromString(center));
    }

    /**
     * The writes of one referral as one plain JDBC transaction: the idempotency key claimed, the
     * person of the receiving centre, the referral, its change with its delivery, the key's
     * stored answer, the audit line.
     */
    private static boolean referOverJdbc(DataSource dataSource, Adviser adviser, String tag, int i) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            String key = "jdbc-" + tag + "-" + i;
            try (PreparedStatement claim = c.prepareStatement(
                    "INSERT INTO idempotency_keys (scope_id, key, request_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                claim.setObject(1, adviser.user());
                claim.setString(2, key);
                claim.setString(3, "h" + i);
                claim.executeUpdate();
            }
            UUID person;
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO people (owner_id, birth_name, first_name, sex, birth_date, birth_insee_code, birth_city,
                        birth_country, identity_key, france_travail_number) VALUES (?, ?, 'Camille', 'F', DATE '1995-03-08',
                        '40192', 'Mont-de-Marsan', 'France', ?, ?) RETURNING id""")) {
                insert.setObject(1, adviser.center());
                insert.setString(2, "Baseline-" + tag + "-" + Fixtures.letters(i));
                insert.setString(3, "baseline " + tag + " " + i + "|camille|1995-03-08");
                insert.setString(4, String.format("%011d", 80_000_000_000L + i));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    person = (UUID) rs.getObject(1);
                }
            }
            UUID referral;
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO referrals (organisation_id, center_id, person_id, person_name, adviser_id, certification,
                        constraints, consent_at) VALUES (?, ?, ?, ?, ?, 'PIX',
                        CAST('{"availability":["MONDAY_MORNING","THURSDAY_AFTERNOON"]}' AS jsonb), now()) RETURNING id""")) {
                insert.setObject(1, adviser.organisation());
                insert.setObject(2, adviser.center());
                insert.setObject(3, person);
                insert.setString(4, "Camille BASELINE-" + i);
                insert.setObject(5, adviser.user());
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    referral = (UUID) rs.getObject(1);
                }
            }
            try (PreparedStatement change = c.prepareStatement("""
                    WITH ch AS (INSERT INTO referral_changes (referral_id, organisation_id, event, snapshot)
                                VALUES (?, ?, 'referral.received', CAST(? AS jsonb)) RETURNING id)
                    INSERT INTO referral_deliveries (change_id, channel) SELECT ch.id, 'EMAIL' FROM ch""")) {
                change.setObject(1, referral);
                change.setObject(2, adviser.organisation());
                change.setString(3, "{\"id\":\"" + referral + "\",\"status\":\"RECEIVED\"}");
                change.executeUpdate();
            }
            try (PreparedStatement answer = c.prepareStatement(
                    "UPDATE idempotency_keys SET status = 201, body = ? WHERE scope_id = ? AND key = ?")) {
                answer.setString(1, "{\"id\":\"" + referral + "\"}");
                answer.setObject(2, adviser.user());
                answer.setString(3, key);
                answer.executeUpdate();
            }
            try (PreparedStatement audit = c.prepareStatement("INSERT INTO audit_log (actor_role, action, record_type, "
                    + "record_id) VALUES ('ADVISER', 'referral.create', 'referral', ?)")) {
                audit.setString(1, referral.toString());
                audit.executeUpdate();
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
