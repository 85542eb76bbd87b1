package fr.jalon.referrals;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import fr.jalon.platform.db.Rows;
import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Db;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.ResultsCsv;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Referrals over HTTP: the whole flow back to the adviser, idempotent intake, isolation, bad input. */
@HttpTest
class ReferralsHttpTest {

    private final ApiClient admin;
    private final Fixtures fixtures;

    ReferralsHttpTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    private static JsonObject referralBody(String birthName) {
        JsonObjectBuilder person = Fixtures.personBody(birthName, "Sofiane", "1998-09-14")
                .add("franceTravailNumber", String.valueOf(
                        ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L))).add("email", "sofiane@example.org");
        return Jsons.createObjectBuilder()
                .add("person", person)
                .add("constraints", Jsons.createObjectBuilder()
                        .add("availability", Jsons.createArrayBuilder().add("TUESDAY_MORNING").add("THURSDAY_MORNING"))
                        .add("mobility", Jsons.createObjectBuilder().add("communes", Jsons.createArrayBuilder().add("40192"))))
                .add("note", "Besoin d'un ordinateur adapté (malvoyance légère).")
                .add("consent", Jsons.createObjectBuilder().add("personInformed", true))
                .build();
    }

    /**
     * A referral from an organisation with a webhook whose first two answers fail, for a person
     * free on Tuesday mornings; the centre has a Tuesday morning and a Tuesday afternoon session.
     */
    @Nested
    class AReferralFollowedToItsCertificate {

        Fixtures.Partner partner;
        MockWebServer receiver;
        String secret;
        String name;
        String id;
        String session;
        String afternoon;

        @BeforeEach
        void referred() throws Exception {
            partner = fixtures.partner();
            receiver = new MockWebServer();
            receiver.enqueue(new MockResponse.Builder().code(500).build());
            receiver.enqueue(new MockResponse.Builder().code(503).build());
            for (int i = 0; i < 20; i++) {
                receiver.enqueue(new MockResponse.Builder().code(204).build());
            }
            receiver.start();
            ApiClient.Answer hook = admin.put("/api/v1/referring-organisations/" + partner.organisation() + "/webhook",
                    Jsons.createObjectBuilder().add("url", receiver.url("/jalon").toString()).build());
            assertEquals(200, hook.status(), hook.body());
            secret = hook.json().getString("secret");
            name = "Oriente-" + Fixtures.uniqueLetters();
            ApiClient.Answer referred = partner.adviser().post("/api/v1/referrals", referralBody(name));
            assertEquals(201, referred.status(), referred.body());
            assertEquals("NEW", referred.json().getString("status"));
            id = referred.id();
            LocalDate tuesday = TestTime.todayInParis().plusDays(9).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
            String site = fixtures.site(partner.center());
            session = fixtures.session(fixtures.room(site, 10), tuesday, "09:30");
            afternoon = fixtures.session(fixtures.room(site, 10), tuesday, "14:00");
        }

        @AfterEach
        void receiverStops() throws Exception {
            receiver.close();
        }

        @Test
        void onlyTheSessionsThatFitAreProposed() {
            List<String> proposed = partner.staff().get("/api/v1/referrals/" + id + "/proposals").json()
                    .getJsonArray("items").stream().map(v -> v.asJsonObject().getString("sessionId")).toList();
            assertTrue(proposed.contains(session), "a Tuesday morning in Mont-de-Marsan fits");
            assertTrue(!proposed.contains(afternoon), "the person is free on Tuesday mornings only");
        }

        /** The centre accepted it into the Tuesday morning session; the convocation went. */
        @Nested
        class Accepted {

            String enrolment;

            @BeforeEach
            void accepted() {
                ApiClient.Answer accepted = partner.staff().post("/api/v1/referrals/" + id + "/accept",
                        Jsons.createObjectBuilder().add("sessionId", session).build());
                assertEquals(200, accepted.status(), accepted.body());
                assertEquals("PRIS", accepted.json().getString("appointment"));
                enrolment = accepted.json().getString("enrolmentId");
                TestDatabase.get().application().notifications().plan();
                TestDatabase.get().application().notifications().deliver();
            }

            @Test
            void theAdviserSeesThePersonConvoked() {
                JsonObject referral = partner.adviser().get("/api/v1/referrals/" + id).json();
                assertEquals("CONVOKED", referral.getString("status"));
                assertEquals("PRIS", referral.getString("appointment"));
            }

            /** The session started an hour ago and the person came. */
            @Nested
            class Attended {

                @BeforeEach
                void attended() {
                    Fixtures.startedAnHourAgo(session);
                    ApiClient.Answer present = partner.staff().put("/api/v1/enrolments/" + enrolment + "/attendance",
                            Jsons.createObjectBuilder().add("status", "PRESENT").build());
                    assertEquals(200, present.status(), present.body());
                }

                @Test
                void theAdviserSeesTheAppointmentKept() {
                    JsonObject attended = partner.adviser().get("/api/v1/referrals/" + id).json();
                    assertEquals("ATTENDED", attended.getString("status"));
                    assertEquals("EFFECTUE", attended.getString("appointment"));
                }

                /** The session finalized and its results, exported from Pix Certif, imported. */
                @Nested
                class Certified {

                    @BeforeEach
                    void certified() {
                        ApiClient.Answer finalized = partner.staff().put("/api/v1/sessions/" + session + "/finalization",
                                Jsons.createObjectBuilder().build());
                        assertEquals(200, finalized.status(), finalized.body());
                        byte[] results = ResultsCsv.v2026().row(ResultsCsv.newNumber(), "Sofiane", name, "14/09/1998",
                                "Validée", "412", ResultsCsv.levels(3), "Validée", "", 424242).bytes();
                        ApiClient.Answer imported = partner.staff().sendBytes("POST", "/api/v1/sessions/" + session
                                + "/results", "text/csv", results);
                        assertEquals(200, imported.status(), imported.body());
                    }

                    @Test
                    void theAdviserSeesTheResult() {
                        JsonObject certified = partner.adviser().get("/api/v1/referrals/" + id).json();
                        assertEquals("CERTIFIED", certified.getString("status"));
                        assertEquals(412, certified.getJsonObject("result").getInt("score"));
                        assertEquals("Indépendant 4", certified.getJsonObject("result").getString("globalLevelLabel"));
                    }

                    @Test
                    void theFeedListsEveryStepInOrder() {
                        List<String> events = partner.adviser().get("/api/v1/referrals/changes?limit=50").json()
                                .getJsonArray("items").stream().map(v -> v.asJsonObject())
                                .filter(c -> c.getJsonObject("referral").getString("id").equals(id))
                                .map(c -> c.getString("event")).toList();
                        assertEquals(List.of("referral.created", "referral.accepted", "referral.convoked",
                                "referral.attended", "referral.certified"), events);
                    }

                    @Test
                    void everyChangeReachesTheWebhookOnceSignedAndEveryEmailGoes() throws Exception {
                        // The first two answers fail, the retries succeed.
                        for (int round = 0; round < 5; round++) {
                            TestDatabase.get().application().referrals().deliverOutcomes();
                            Db.execute().dml("UPDATE referral_deliveries SET next_attempt_at = now() WHERE status = 'PENDING'");
                        }
                        Set<String> delivered = new HashSet<>();
                        int requests = receiver.getRequestCount();
                        for (int i = 0; i < requests; i++) {
                            RecordedRequest request = receiver.takeRequest();
                            String body = request.getBody().utf8();
                            String signature = request.getHeaders().get("X-Jalon-Signature");
                            assertTrue(receiverAccepts(secret, signature, body), signature);
                            JsonObject event = Jsons.createReader(new StringReader(body)).readObject();
                            if (i >= 2) {
                                assertTrue(delivered.add(event.getString("id")), "each event acknowledged once");
                            }
                        }
                        assertEquals(5, delivered.size(), "created, accepted, convoked, attended, certified");
                        assertEquals(0L, count("SELECT count(*) AS n FROM referral_deliveries d JOIN referral_changes c "
                                + "ON c.id = d.change_id WHERE c.referral_id = ? AND d.status <> 'SENT'", UUID.fromString(id)),
                                "e-mails and webhooks all sent");
                    }
                }
            }
        }
    }

    @Test
    void twentyConcurrentRetriesOfOneKeyMakeOneReferralAndOnePerson() throws Exception {
        Fixtures.Partner partner = fixtures.partner();
        String name = "Idem-" + Fixtures.uniqueLetters();
        // One body for all retries: the same France Travail number too.
        JsonObject body = referralBody(name);
        String key = UUID.randomUUID().toString();
        List<ApiClient.Answer> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            List<Future<ApiClient.Answer>> runs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                runs.add(pool.submit(() -> partner.adviser().send("POST", "/api/v1/referrals", "application/json",
                        body.toString(), "Idempotency-Key", key)));
            }
            for (Future<ApiClient.Answer> run : runs) {
                answers.add(run.get());
            }
        }
        Set<String> ids = new HashSet<>();
        for (ApiClient.Answer answer : answers) {
            assertEquals(201, answer.status(), answer.body());
            ids.add(answer.id());
        }
        assertEquals(1, ids.size(), "the same answer every time");
        assertEquals(19, answers.stream().filter(a -> a.header("Idempotent-Replayed").orElse("").equals("true")).count(),
                "one request did the work, the 19 others were replayed and say so");
        ApiClient.Answer later = partner.adviser().send("POST", "/api/v1/referrals", "application/json", body.toString(),
                "Idempotency-Key", key);
        assertEquals(201, later.status(), later.body());
        assertEquals(ids.iterator().next(), later.id());
        assertEquals(Optional.of("true"), later.header("Idempotent-Replayed"));
        assertEquals(1L, count("SELECT count(*) AS n FROM people WHERE jalon_fold(birth_name) = jalon_fold(?)", name));

        ApiClient.Answer other = partner.adviser().send("POST", "/api/v1/referrals", "application/json",
                referralBody(name + "-Autre").toString(), "Idempotency-Key", key);
        assertEquals(422, other.status(), other.body());
        assertTrue(other.body().contains("Idempotency-Key"));
    }

    @Test
    void anotherOrganisationOrCentreSeesNothingOfAReferral() {
        Fixtures.Partner mine = fixtures.partner();
        Fixtures.Partner theirs = fixtures.partner();
        String id = mine.adviser().post("/api/v1/referrals", referralBody("Privee-" + Fixtures.uniqueLetters())).id();

        assertEquals(404, theirs.adviser().get("/api/v1/referrals/" + id).status());
        assertEquals(404, theirs.staff().get("/api/v1/referrals/" + id).status());
        assertEquals(404, theirs.staff().post("/api/v1/referrals/" + id + "/refuse",
                Jsons.createObjectBuilder().add("reason", "DUPLICATE").build()).status());
        assertEquals(404, theirs.adviser().post("/api/v1/referrals/" + id + "/cancel", Jsons.createObjectBuilder().build())
                .status());
        assertTrue(theirs.adviser().get("/api/v1/referrals").json().getJsonArray("items").stream()
                .noneMatch(v -> v.asJsonObject().getString("id").equals(id)));
        assertTrue(theirs.adviser().get("/api/v1/referrals/changes?limit=1000").json().getJsonArray("items").stream()
                .noneMatch(v -> v.asJsonObject().getJsonObject("referral").getString("id").equals(id)));
        assertEquals(404, theirs.adviser().get("/api/v1/referring-organisations/" + mine.organisation()).status());
        assertEquals(404, theirs.staff().get("/api/v1/referrals/" + id + "/proposals").status());
        assertEquals(404, theirs.staff().post("/api/v1/referrals/" + id + "/postpone", Jsons.createObjectBuilder().build())
                .status());
        assertEquals(404, theirs.staff().post("/api/v1/referrals/" + id + "/accept", Jsons.createObjectBuilder()
                .add("sessionId", UUID.randomUUID().toString()).build()).status());
        assertEquals(403, theirs.adviser().post("/api/v1/referrals/" + id + "/accept", Jsons.createObjectBuilder()
                .add("sessionId", UUID.randomUUID().toString()).build()).status(), "advisers do not accept");
        assertEquals(200, mine.staff().get("/api/v1/referrals/" + id).status(), "the centre it is addressed to sees it");

        ApiClient.Answer refused = mine.staff().post("/api/v1/referrals/" + id + "/refuse", Jsons.createObjectBuilder()
                .add("reason", "NOT_MOBILE").add("sharedWithPerson", true).build());
        assertEquals("REFUSED", refused.json().getString("status"));
        assertEquals(409, mine.adviser().post("/api/v1/referrals/" + id + "/cancel", Jsons.createObjectBuilder().build())
                .status(), "already handled");
    }

    @Test
    void badReferralsAreAnsweredPrecisely() {
        Fixtures.Partner partner = fixtures.partner();
        JsonObject good = referralBody("Mal-" + Fixtures.uniqueLetters());
        JsonObject noConsent = Jsons.createObjectBuilder(good).add("consent",
                Jsons.createObjectBuilder().add("personInformed", false)).build();
        ApiClient.Answer refused = partner.adviser().post("/api/v1/referrals", noConsent);
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("consent.personInformed"), refused.body());

        JsonObject badNumber = Jsons.createObjectBuilder(good).add("person", Jsons.createObjectBuilder(
                good.getJsonObject("person")).add("franceTravailNumber", "12AB")).build();
        ApiClient.Answer wrong = partner.adviser().post("/api/v1/referrals", badNumber);
        assertEquals(422, wrong.status());
        assertTrue(wrong.body().contains("franceTravailNumber"), wrong.body());

        JsonObject farAway = Jsons.createObjectBuilder(good).add("constraints", Jsons.createObjectBuilder()
                .add("mobility", Jsons.createObjectBuilder().add("communes", Jsons.createArrayBuilder().add("64445")))).build();
        ApiClient.Answer flagged = partner.adviser().post("/api/v1/referrals", farAway);
        assertEquals(201, flagged.status(), flagged.body());
        assertTrue(flagged.json().getString("needsFlag").contains("mobilité"), "accepted, flagged");

        assertEquals(403, partner.staff().post("/api/v1/referrals", good).status(), "only advisers refer");

        JsonObject unknownCommune = Jsons.createObjectBuilder(good).add("constraints", Jsons.createObjectBuilder()
                .add("mobility", Jsons.createObjectBuilder().add("communes", Jsons.createArrayBuilder().add("40999")))).build();
        ApiClient.Answer unknown = partner.adviser().post("/api/v1/referrals", unknownCommune);
        assertEquals(422, unknown.status());
        assertTrue(unknown.body().contains("40999"), unknown.body());

        ApiClient.Answer reused = partner.adviser().post("/api/v1/referrals", Jsons.createObjectBuilder(good)
                .add("centerId", fixtures.center()).build());
        assertEquals(422, reused.status(), "a centre the organisation does not refer to");
    }

    @Test
    void aReaderPagingWithTheCursorSeesEveryChangeOnceWhileOthersWrite() throws Exception {
        Fixtures.Partner partner = fixtures.partner();
        int writers = 6;
        int each = 8;
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(writers + 1)) {
            Future<?> reader = pool.submit(() -> {
                String cursor = "0";
                boolean drained = false;
                while (!drained) {
                    boolean last = !writing.get();
                    JsonObject page = partner.adviser().get("/api/v1/referrals/changes?limit=7&cursor=" + cursor).json();
                    page.getJsonArray("items").forEach(v -> seen.add(v.asJsonObject().getString("id")));
                    cursor = page.getString("nextCursor");
                    drained = last && page.getJsonArray("items").isEmpty();
                }
                return null;
            });
            List<Future<?>> runs = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        assertEquals(201, partner.adviser().post("/api/v1/referrals",
                                referralBody("Flux-" + Fixtures.uniqueLetters())).status());
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            writing.set(false);
            reader.get();
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no change twice");
        assertEquals(writers * each, seen.size(), "every change, none skipped");
        assertEquals((long) writers * each, count("SELECT count(*) AS n FROM referral_changes WHERE organisation_id = ?",
                UUID.fromString(partner.organisation())));
    }

    @Test
    void aReferralNobodyHandlesExpiresAfterThirtyDays() {
        Fixtures.Partner partner = fixtures.partner();
        String id = partner.adviser().post("/api/v1/referrals", referralBody("Oubli-" + Fixtures.uniqueLetters())).id();

        TestDatabase.get().application().referrals().expire(Instant.now().plus(Duration.ofDays(8)));
        Instant reminded = lastReminder(id);
        assertTrue(reminded != null, "the centre is reminded after a week");
        TestDatabase.get().application().referrals().expire(Instant.now().plus(Duration.ofDays(10)));
        assertEquals(reminded, lastReminder(id), "and not again within the week");
        TestDatabase.get().application().referrals().expire(Instant.now().plus(Duration.ofDays(29)));
        assertTrue(lastReminder(id).isAfter(reminded), "a week later, again");
        assertEquals("NEW", partner.adviser().get("/api/v1/referrals/" + id).json().getString("status"));

        TestDatabase.get().application().referrals().expire(Instant.now().plus(Duration.ofDays(31)));
        assertEquals("EXPIRED", partner.adviser().get("/api/v1/referrals/" + id).json().getString("status"));
        assertTrue(partner.adviser().get("/api/v1/referrals/changes?limit=1000").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject())
                .anyMatch(c -> c.getString("event").equals("referral.expired")
                        && c.getJsonObject("referral").getString("id").equals(id)));
    }

    @Test
    void aBatchFileIsAllOrNothingWithALineReport() {
        Fixtures.Partner partner = fixtures.partner();
        String tag = Fixtures.uniqueLetters();
        String header = "\uFEFFnom_naissance;prenom;sexe;date_naissance;commune_naissance_insee;pays_naissance;"
                + "numero_france_travail;email;disponibilites;communes_accessibles;personne_informee\r\n";
        String good = "Lot-" + tag + "-A;Inès;F;03/02/1996;40192;France;;ines@example.org;TUESDAY_MORNING;40192;oui\r\n"
                + "Lot-" + tag + "-B;Hugo;M;14/07/2001;40088;France;;;;;oui\r\n";
        String bad = "Lot-" + tag + "-C;Léo;M;31/02/2001;40088;France;12AB;;;;oui\r\n"
                + "Lot-" + tag + "-D;Zoé;F;01/01/1990;40088;France;;;;;non\r\n";

        ApiClient.Answer refused = partner.adviser().send("POST", "/api/v1/referrals/batch", "text/csv", header + good + bad);
        assertEquals(422, refused.status(), refused.body());
        List<JsonObject> errors = refused.json().getJsonArray("errors").stream().map(v -> v.asJsonObject()).toList();
        assertTrue(errors.stream().anyMatch(e -> e.getInt("line") == 4 && e.getString("field").equals("date_naissance")),
                refused.body());
        assertTrue(errors.stream().anyMatch(e -> e.getInt("line") == 4 && e.getString("field").contains("franceTravailNumber")));
        assertTrue(errors.stream().anyMatch(e -> e.getInt("line") == 5 && e.getString("field").contains("personInformed")));
        assertEquals(0L, count("SELECT count(*) AS n FROM people WHERE birth_name LIKE ?", "LOT-" + tag.toUpperCase() + "%")
                + count("SELECT count(*) AS n FROM people WHERE birth_name LIKE ?", "Lot-" + tag + "%"), "nothing applied");

        ApiClient.Answer created = partner.adviser().send("POST", "/api/v1/referrals/batch", "text/csv", header + good);
        assertEquals(201, created.status(), created.body());
        assertEquals(2, created.json().getInt("created"));
        assertEquals(3, created.json().getJsonArray("lines").getJsonObject(1).getInt("line"));
    }

    /** The README's receiver-side check, written with the JDK only, as a partner would. */
    private static boolean receiverAccepts(String secret, String header, String rawBody) throws Exception {
        String[] parts = header.split(",");
        long t = Long.parseLong(parts[0].substring(2));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(
                mac.doFinal((t + "." + rawBody).getBytes(StandardCharsets.UTF_8)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parts[1].substring(3).getBytes(StandardCharsets.US_ASCII))
                && Math.abs(Instant.now().getEpochSecond() - t) <= 300;
    }

    private static Instant lastReminder(String referral) {
        return TestDatabase.get().database().client().execute()
                .get("SELECT last_reminded_at FROM referrals WHERE id = ?", UUID.fromString(referral))
                .map(r -> Rows.instant(r, "last_reminded_at")).orElse(null);
    }

    private static long count(String sql, Object... params) {
        return Db.count(sql, params);
    }
}
