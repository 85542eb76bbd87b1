package fr.jalon.candidates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@HttpTest
class EnrolmentsHttpTest {

    private final ApiClient admin;
    private final Fixtures fixtures;
    private String centerId;
    private String roomId;
    private String sessionId;
    private final LocalDate day = TestTime.todayInParis().plusDays(45);

    EnrolmentsHttpTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    @BeforeEach
    void session() {
        centerId = fixtures.center();
        roomId = fixtures.room(fixtures.site(centerId), 20);
        sessionId = fixtures.session(roomId, day, "09:00");
    }

    private ApiClient.Answer enrol(String session, JsonObject body) {
        return admin.post("/api/v1/sessions/" + session + "/enrolments", body);
    }

    private static JsonObject person(String name) {
        return Fixtures.enrolmentBody(Fixtures.personBody(name, "Léa", "1990-04-12"));
    }

    @Test
    void enrolsAPersonWithNormalisedContactAndFindsThemAgain() {
        JsonObject body = Jsons.createObjectBuilder()
                .add("person", Fixtures.personBody("Dupont-Lajoie", "Élodie", "1988-02-29")
                        .add("email", "elodie@example.org").add("mobilePhone", "06 12 34 56 78")
                        .add("franceTravailNumber", "1234567 a"))
                .add("billingMode", "PREPAID").add("prepaymentCode", "12345678912345/FACT12345")
                .add("complementaryCertification", "CLEA").add("externalId", "DE-42")
                .build();

        ApiClient.Answer first = enrol(sessionId, body);
        String otherSession = fixtures.session(roomId, day.plusDays(1), "09:00");
        JsonObject sameIdentity = Fixtures.enrolmentBody(Fixtures.personBody("DUPONT LAJOIE", "elodie", "1988-02-29"));
        ApiClient.Answer second = enrol(otherSession, sameIdentity);

        assertEquals(201, first.status(), first.body());
        assertEquals("ENROLLED", first.json().getString("status"));
        assertFalse(first.json().getBoolean("personMatched"));
        String personId = first.json().getJsonObject("person").getString("id");
        JsonObject person = admin.get("/api/v1/people/" + personId).json();
        assertEquals("+33612345678", person.getString("mobilePhone"));
        assertEquals("1234567A", person.getString("franceTravailNumber"));
        assertEquals(201, second.status(), second.body());
        assertTrue(second.json().getBoolean("personMatched"), "accents, case and hyphens are folded");
        assertEquals(personId, second.json().getJsonObject("person").getString("id"));
    }

    @Test
    void refusesTwiceInOneSessionAndOverlappingSessions() {
        String overlapping = fixtures.session(fixtures.room(fixtures.site(centerId), 10), day, "10:00");
        assertEquals(201, enrol(sessionId, person("Martin")).status());

        ApiClient.Answer twice = enrol(sessionId, person("Martin"));
        ApiClient.Answer overlap = enrol(overlapping, person("Martin"));

        assertEquals(409, twice.status());
        assertTrue(twice.json().getString("detail").contains("déjà inscrite dans cette session"));
        assertEquals(409, overlap.status());
        assertTrue(overlap.json().getString("detail").contains("même moment"));
    }

    @Test
    void reportsEveryInvalidPersonAndBillingFieldAtOnce() {
        JsonObject body = Jsons.createObjectBuilder()
                .add("person", Jsons.createObjectBuilder()
                        .add("birthName", "Durand3").add("firstName", "Jo").add("sex", "X")
                        .add("birthDate", "2999-01-01")
                        .add("birthplace", Jsons.createObjectBuilder().add("postalCode", "40000").add("city", "Dax"))
                        .add("email", "pas-une-adresse").add("mobilePhone", "05 58 46 40 40"))
                .add("billingMode", "FREE").add("prepaymentCode", "ABC")
                .add("complementaryCertification", "PIX_PLUS_DROIT")
                .build();

        ApiClient.Answer answer = enrol(sessionId, body);

        assertEquals(422, answer.status(), answer.body());
        Map<String, String> codes = answer.json().getJsonArray("errors").stream().map(v -> v.asJsonObject())
                .collect(Collectors.toMap(e -> e.getString("field"), e -> e.getString("code"), (a, b) -> a + "," + b));
        assertEquals("invalid_name", codes.get("person.birthName"));
        assertEquals("invalid_value", codes.get("person.sex"));
        assertEquals("future", codes.get("person.birthDate"));
        assertEquals("postal_code_mismatch", codes.get("person.birthCity"));
        assertEquals("invalid_email", codes.get("person.email"));
        assertEquals("landline", codes.get("person.mobilePhone"));
        assertEquals("unexpected", codes.get("prepaymentCode"));
        assertEquals(0, admin.get("/api/v1/sessions/" + sessionId + "/enrolments").json().getJsonArray("items").size());
    }

    @Test
    void aFullSessionWaitlistsAndACancellationPromotesTheFirstInLine() {
        String small = fixtures.session(fixtures.room(fixtures.site(centerId), 2), day.plusDays(3), "14:00");
        String a = enrol(small, person("Aubert")).id();
        enrol(small, person("Bernard"));
        ApiClient.Answer third = enrol(small, person("Colin"));
        ApiClient.Answer fourth = enrol(small, person("David"));

        assertEquals("WAITLISTED", third.json().getString("status"));
        assertEquals(1, third.json().getInt("waitlistRank"));
        assertEquals(2, fourth.json().getInt("waitlistRank"));

        ApiClient.Answer cancelled = admin.delete("/api/v1/enrolments/" + a + "?reason=empêchement");

        assertEquals("CANCELLED", cancelled.json().getString("status"));
        assertEquals("ENROLLED", admin.get("/api/v1/enrolments/" + third.id()).json().getString("status"));
        assertEquals(1, admin.get("/api/v1/enrolments/" + fourth.id()).json().getInt("waitlistRank"));
        assertEquals(1, countEvents("ENROLMENT_PROMOTED", third.id()));
        assertEquals(1, countEvents("ENROLMENT_CANCELLED", a));
    }

    @Test
    void movingAFullSessionToABiggerRoomPromotesTheWaitingList() {
        String site = fixtures.site(centerId);
        String full = fixtures.session(fixtures.room(site, 1), day.plusDays(4), "09:00");
        enrol(full, person("Lasserre"));
        String waiting = enrol(full, person("Mendes")).id();

        ApiClient.Answer moved = admin.patch("/api/v1/sessions/" + full,
                Jsons.createObjectBuilder().add("roomId", fixtures.room(site, 4)).build());

        assertEquals(200, moved.status(), moved.body());
        assertEquals(4, moved.json().getInt("capacity"), "a session using every seat follows its new room");
        assertEquals("ENROLLED", admin.get("/api/v1/enrolments/" + waiting).json().getString("status"));
    }

    @Test
    void aSessionCannotMoveOntoAnotherSessionOfItsCandidates() {
        String afternoon = fixtures.session(fixtures.room(fixtures.site(centerId), 10), day, "14:00");
        assertEquals(201, enrol(sessionId, person("Kerbrat")).status());
        assertEquals(201, enrol(afternoon, person("Kerbrat")).status());

        ApiClient.Answer move = admin.patch("/api/v1/sessions/" + afternoon,
                Jsons.createObjectBuilder().add("startTime", "09:30").build());

        assertEquals(409, move.status(), move.body());
        assertTrue(move.json().getString("detail").contains("1 candidat(s)"), move.body());
        assertEquals("14:00", admin.get("/api/v1/sessions/" + afternoon).json().getString("startTime"));
    }

    @Test
    void aBiggerCapacityPromotesTheWaitingList() {
        String room = fixtures.room(fixtures.site(centerId), 3);
        String small = admin.post("/api/v1/sessions", Jsons.createObjectBuilder(Fixtures.sessionBody(room, day, "14:00"))
                .add("capacity", 1).build()).id();
        enrol(small, person("Ernst"));
        String waiting = enrol(small, person("Faure")).id();

        ApiClient.Answer bigger = admin.patch("/api/v1/sessions/" + small, Jsons.createObjectBuilder().add("capacity", 3).build());
        ApiClient.Answer smaller = admin.patch("/api/v1/sessions/" + small, Jsons.createObjectBuilder().add("capacity", 1).build());

        assertEquals(200, bigger.status(), bigger.body());
        assertEquals(2, bigger.json().getInt("seatsTaken"));
        assertEquals("ENROLLED", admin.get("/api/v1/enrolments/" + waiting).json().getString("status"));
        assertEquals(409, smaller.status(), "capacity cannot drop below the enrolled candidates");
    }

    @Test
    void aTransferKeepsHistoryAndFreesTheOldSeat() {
        String target = fixtures.session(roomId, day.plusDays(7), "09:00");
        String id = enrol(sessionId, person("Garnier")).id();

        ApiClient.Answer moved = admin.post("/api/v1/enrolments/" + id + "/transfer",
                Jsons.createObjectBuilder().add("sessionId", target).build());

        assertEquals(201, moved.status(), moved.body());
        assertEquals(target, moved.json().getString("sessionId"));
        assertEquals(id, moved.json().getString("transferredFrom"));
        JsonObject old = admin.get("/api/v1/enrolments/" + id).json();
        assertEquals("CANCELLED", old.getString("status"));
        assertEquals(moved.id(), old.getString("transferredTo"));
        assertEquals(List.of("ENROLLED", "CANCELLED"), old.getJsonArray("history").stream()
                .map(h -> h.asJsonObject().getString("status")).toList());
        assertEquals(0, admin.get("/api/v1/sessions/" + sessionId).json().getInt("seatsTaken"));
        assertEquals(1, countEvents("ENROLMENT_TRANSFERRED", moved.id()));
    }

    @Test
    void termsCanBePatchedWithTheSameRules() {
        String id = enrol(sessionId, person("Hamon")).id();

        ApiClient.Answer prepaid = admin.patch("/api/v1/enrolments/" + id,
                Jsons.createObjectBuilder().add("billingMode", "PREPAID").build());
        ApiClient.Answer fixed = admin.patch("/api/v1/enrolments/" + id,
                Jsons.createObjectBuilder().add("billingMode", "PREPAID").add("prepaymentCode", "FACT-2027-01").build());

        assertEquals(422, prepaid.status());
        assertEquals(200, fixed.status(), fixed.body());
        assertEquals("FACT-2027-01", fixed.json().getString("prepaymentCode"));
    }

    @Test
    void peopleAreVisibleToACentreOnlyThroughItsEnrolments() {
        String personId = enrol(sessionId, person("Idrissi")).json().getJsonObject("person").getString("id");
        ApiClient staffHere = admin.as(fixtures.tokenFor("CENTER_STAFF", centerId));
        ApiClient staffElsewhere = admin.as(fixtures.tokenFor("CENTER_STAFF", fixtures.center()));

        assertEquals(200, staffHere.get("/api/v1/people/" + personId).status());
        assertEquals(1, staffHere.get("/api/v1/people?q=idrissi").json().getJsonArray("items").size());
        assertEquals(404, staffElsewhere.get("/api/v1/people/" + personId).status());
        assertEquals(0, staffElsewhere.get("/api/v1/people?q=idrissi").json().getJsonArray("items").size());
        assertEquals(404, staffElsewhere.get("/api/v1/sessions/" + sessionId + "/enrolments").status());

        ApiClient.Answer patched = staffHere.patch("/api/v1/people/" + personId,
                Jsons.createObjectBuilder().add("email", "idrissi@example.org").add("preferredChannels",
                        Jsons.createArrayBuilder().add("EMAIL")).build());
        assertEquals(200, patched.status(), patched.body());
        assertEquals("idrissi@example.org", patched.json().getString("email"));
        assertTrue(admin.get("/api/v1/audit?recordType=person&recordId=" + personId).json().getJsonArray("items").size() >= 3,
                "reads and the update of personal data are audited");
    }

    @Test
    void twoHundredRacingEnrolmentsFillTwentySeatsExactly() throws Exception {
        int racers = 200;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            JsonObject body = Fixtures.enrolmentBody(Fixtures.personBody("Course" + (char) ('a' + i % 26) + (char) ('a' + i / 26),
                    "Candidat", "1995-06-15"));
            tasks.add(() -> {
                start.await();
                return enrol(sessionId, body).status();
            });
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
            List<Future<Integer>> futures = new ArrayList<>();
            tasks.forEach(t -> futures.add(pool.submit(t)));
            start.countDown();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
        }

        assertTrue(statuses.stream().allMatch(s -> s == 201), "every request is answered 201: " + statuses);
        Map<String, Long> byStatus = admin.get("/api/v1/sessions/" + sessionId + "/enrolments").json().getJsonArray("items")
                .stream().collect(Collectors.groupingBy(e -> e.asJsonObject().getString("status"), Collectors.counting()));
        assertEquals(Map.of("ENROLLED", 20L, "WAITLISTED", 180L), byStatus);
        long inDatabase = TestDatabase.get().database().client().execute()
                .get("SELECT count(*) AS n FROM enrolments WHERE session_id = ? AND status = 'ENROLLED'", UUID.fromString(sessionId))
                .map(r -> r.column("n").get(Long.class)).orElseThrow();
        assertEquals(20, inDatabase);
        assertEquals(20, admin.get("/api/v1/sessions/" + sessionId).json().getInt("seatsTaken"));
    }

    @Test
    void twoInstancesRacingOnOneSessionNeverOverbook() throws Exception {
        String small = fixtures.session(fixtures.room(fixtures.site(centerId), 5), day.plusDays(9), "10:00");
        try (JalonServer.SecondInstance second = JalonServer.secondInstance()) {
            ApiClient other = new ApiClient("http://localhost:" + second.port(), JalonServer.adminToken());
            String tag = Fixtures.uniqueLetters();
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                ApiClient client = i % 2 == 0 ? admin : other;
                JsonObject body = Fixtures.enrolmentBody(Fixtures.personBody("Duo-" + tag + "-" + Fixtures.letters(i),
                        "Candidat", "1991-03-03"));
                tasks.add(() -> {
                    start.await();
                    return client.post("/api/v1/sessions/" + small + "/enrolments", body).status();
                });
            }
            List<Integer> statuses = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(30)) {
                List<Future<Integer>> futures = new ArrayList<>();
                tasks.forEach(t -> futures.add(pool.submit(t)));
                start.countDown();
                for (Future<Integer> f : futures) {
                    statuses.add(f.get());
                }
            }
            assertTrue(statuses.stream().allMatch(s -> s == 201), statuses.toString());
            Map<String, Long> byStatus = admin.get("/api/v1/sessions/" + small + "/enrolments").json().getJsonArray("items")
                    .stream().collect(Collectors.groupingBy(e -> e.asJsonObject().getString("status"), Collectors.counting()));
            assertEquals(Map.of("ENROLLED", 5L, "WAITLISTED", 55L), byStatus);
        }
    }

    @Test
    void aComplementaryCertificationNeedsTheCentresHabilitation() {
        JsonObject body = Jsons.createObjectBuilder(person("Joly")).add("complementaryCertification", "PIX_PLUS_DROIT").build();

        ApiClient.Answer answer = enrol(sessionId, body);

        assertEquals(422, answer.status(), answer.body());
        assertEquals("not_habilitated", answer.json().getJsonArray("errors").getJsonObject(0).getString("code"));
        assertEquals(0, admin.get("/api/v1/sessions/" + sessionId).json().getInt("seatsTaken"), "the claimed seat is given back");
    }

    private static long countEvents(String type, String aggregateId) {
        return TestDatabase.get().database().client().execute()
                .get("SELECT count(*) AS n FROM domain_events WHERE type = ? AND aggregate_id = ?", type, UUID.fromString(aggregateId))
                .map(r -> r.column("n").get(Long.class)).orElseThrow();
    }
}
