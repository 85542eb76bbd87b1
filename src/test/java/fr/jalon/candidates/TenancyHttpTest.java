package fr.jalon.candidates;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person belongs to one tenant (DESIGN.md): the same human at two centres is two records, and
 * nothing one centre or organisation typed is readable or writable by another, through any route.
 */
@HttpTest
class TenancyHttpTest {

    private final URI uri;
    private final ApiClient admin;
    private final Fixtures fixtures;

    TenancyHttpTest(ApiClient admin, Fixtures fixtures, URI uri) {
        this.admin = admin;
        this.fixtures = fixtures;
        this.uri = uri;
    }

    private record Centre(String id, String session, ApiClient staff) {
    }

    private Centre centre() {
        String id = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(id), 20), TestTime.todayInParis().plusDays(40), "09:00");
        return new Centre(id, session, admin.as(fixtures.tokenFor("CENTER_STAFF", id)));
    }

    private static JsonObject julie(String name, String email) {
        return Jsons.createObjectBuilder()
                .add("person", Fixtures.personBody(name, "Julie", "1991-04-12").add("email", email)
                        .add("mobilePhone", "0612345678")
                        .add("accessibility", Jsons.createObjectBuilder().add("needs", "Malvoyante : grand écran")))
                .add("billingMode", "FREE").build();
    }

    /** The defect as reported: centre B enrols the same identity, then reads and rewrites A's record. */
    @Test
    void anotherCentreEnrollingTheSameIdentityGetsItsOwnRecordAndNeverSeesTheFirst() {
        Centre a = centre();
        Centre b = centre();
        String name = "Darcos-" + Fixtures.uniqueLetters();
        ApiClient.Answer atA = a.staff().post("/api/v1/sessions/" + a.session() + "/enrolments", julie(name, "julie.a@example.org"));
        assertEquals(201, atA.status(), atA.body());
        String personOfA = atA.json().getJsonObject("person").getString("id");
        ApiClient.Answer atB = b.staff().post("/api/v1/sessions/" + b.session() + "/enrolments", julie(name, "julie.b@example.org"));
        assertEquals(201, atB.status(), atB.body());
        String personOfB = atB.json().getJsonObject("person").getString("id");

        assertNotEquals(personOfA, personOfB, "two centres, two records");
        assertFalse(atB.json().getBoolean("personMatched"), "B finds nobody: A's record is not B's to find");
        assertEquals(404, b.staff().get("/api/v1/people/" + personOfA).status());
        assertEquals(404, b.staff().patch("/api/v1/people/" + personOfA,
                Jsons.createObjectBuilder().add("email", "pirate@example.org").build()).status());
        JsonObject aSees = a.staff().get("/api/v1/people/" + personOfA).json();
        assertEquals("julie.a@example.org", aSees.getString("email"), "A's data unchanged");
        assertEquals("julie.b@example.org", b.staff().get("/api/v1/people/" + personOfB).json().getString("email"));
        assertTrue(b.staff().get("/api/v1/people?q=" + name).json().getJsonArray("items").stream()
                .noneMatch(p -> p.asJsonObject().getString("id").equals(personOfA)), "B's search never lists A's record");
        // Enrolling A's person by id into B's session is refused, even for an administrator.
        ApiClient.Answer byId = admin.post("/api/v1/sessions/" + b.session() + "/enrolments", Jsons.createObjectBuilder()
                .add("personId", personOfA).add("billingMode", "FREE").build());
        assertEquals(422, byId.status(), byId.body());
        assertEquals(1, TestDatabase.get().database().client().execute()
                .get("SELECT count(*) AS n FROM people WHERE id = ? AND owner_id = ?", UUID.fromString(personOfA),
                        UUID.fromString(a.id())).orElseThrow().column("n").getLong());
    }

    /** Every route that takes an enrolment, a session or a person id answers 404 to another centre. */
    @Test
    void everyRouteTakingAPersonEnrolmentOrSessionIdAnswers404ToAnotherCentre() {
        Centre a = centre();
        Centre b = centre();
        ApiClient.Answer atA = a.staff().post("/api/v1/sessions/" + a.session() + "/enrolments",
                julie("Route-" + Fixtures.uniqueLetters(), "route@example.org"));
        assertEquals(201, atA.status(), atA.body());
        String enrolment = atA.id();
        String person = atA.json().getJsonObject("person").getString("id");
        JsonObject empty = Jsons.createObjectBuilder().build();

        Map<String, ApiClient.Answer> answers = new LinkedHashMap<>();
        answers.put("GET person", b.staff().get("/api/v1/people/" + person));
        answers.put("PATCH person", b.staff().patch("/api/v1/people/" + person, empty));
        answers.put("GET enrolment", b.staff().get("/api/v1/enrolments/" + enrolment));
        answers.put("PATCH enrolment", b.staff().patch("/api/v1/enrolments/" + enrolment, empty));
        answers.put("PUT attendance", b.staff().put("/api/v1/enrolments/" + enrolment + "/attendance",
                Jsons.createObjectBuilder().add("status", "PRESENT").build()));
        answers.put("POST transfer", b.staff().post("/api/v1/enrolments/" + enrolment + "/transfer",
                Jsons.createObjectBuilder().add("sessionId", b.session()).build()));
        answers.put("PUT day-report", b.staff().put("/api/v1/enrolments/" + enrolment + "/day-report",
                Jsons.createObjectBuilder().add("comment", "x").build()));
        answers.put("POST incident", b.staff().post("/api/v1/enrolments/" + enrolment + "/incidents",
                Jsons.createObjectBuilder().add("category", "FRAUD").add("description", "x").build()));
        answers.put("GET result", b.staff().get("/api/v1/enrolments/" + enrolment + "/result"));
        answers.put("GET attestation", b.staff().get("/api/v1/enrolments/" + enrolment + "/attestation.pdf"));
        answers.put("GET session enrolments", b.staff().get("/api/v1/sessions/" + a.session() + "/enrolments"));
        answers.put("GET candidates.csv", b.staff().get("/api/v1/sessions/" + a.session() + "/candidates.csv"));
        answers.put("GET day", b.staff().get("/api/v1/sessions/" + a.session() + "/day"));
        answers.put("GET results", b.staff().get("/api/v1/sessions/" + a.session() + "/results"));
        answers.put("GET attestations", b.staff().get("/api/v1/sessions/" + a.session() + "/attestations"));
        answers.put("GET attendance sheet", b.staff().get("/api/v1/sessions/" + a.session() + "/attendance-sheet.pdf"));
        answers.put("GET kit", b.staff().get("/api/v1/sessions/" + a.session() + "/kit.pdf"));
        answers.put("DELETE enrolment", b.staff().delete("/api/v1/enrolments/" + enrolment));
        answers.forEach((route, answer) -> assertEquals(404, answer.status(), route + ": " + answer.body()));

        JsonObject still = a.staff().get("/api/v1/enrolments/" + enrolment).json();
        assertEquals("ENROLLED", still.getString("status"), "nothing B tried changed A's enrolment");
        assertTrue(b.staff().get("/api/v1/notifications").json().getJsonArray("items").stream()
                .noneMatch(n -> person.equals(n.asJsonObject().getString("personId", ""))), "nor shows B A's messages");
    }

    /**
     * An adviser gets back only what they sent: the name typed, no person id, no hint that the
     * centre knew the person already (a France Travail number alone matches nobody).
     */
    @Test
    void anAdviserGetsBackOnlyWhatTheySent() {
        Fixtures.Partner partner = fixtures.partner();
        String session = fixtures.session(fixtures.room(fixtures.site(partner.center()), 10),
                TestTime.todayInParis().plusDays(30), "14:00");
        String name = "Holder-" + Fixtures.uniqueLetters();
        String number = String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000_000L,
                99_999_999_999L));
        ApiClient.Answer holder = partner.staff().post("/api/v1/sessions/" + session + "/enrolments",
                Jsons.createObjectBuilder().add("person", Fixtures.personBody(name, "Paul", "1985-02-03")
                        .add("franceTravailNumber", number)).add("billingMode", "FREE").build());
        assertEquals(201, holder.status(), holder.body());

        ApiClient.Answer referred = partner.adviser().post("/api/v1/referrals", Jsons.createObjectBuilder()
                .add("person", Fixtures.personBody("Lagarde", "Inès", "2001-07-09").add("franceTravailNumber", number)
                        .add("email", "ines@example.org"))
                .add("consent", Jsons.createObjectBuilder().add("personInformed", true)).build());
        assertEquals(201, referred.status(), referred.body());
        JsonObject body = referred.json();
        assertEquals("Inès Lagarde", body.getString("personName"), "the name the adviser typed, not the holder's");
        assertFalse(body.containsKey("personId"));
        assertFalse(body.containsKey("personMatched"));
        assertFalse(referred.body().contains(name), "nothing of the other record");
        JsonObject staffView = partner.staff().get("/api/v1/referrals/" + referred.id()).json();
        assertNotEquals(holder.json().getJsonObject("person").getString("id"), staffView.getString("personId"),
                "a France Travail number alone matches nobody");
        assertFalse(partner.adviser().get("/api/v1/referrals/" + referred.id()).json().containsKey("personId"));
    }

    /** Referrals of one organisation are 404 to another; a centre not receiving it cannot decide on it. */
    @Test
    void referralsStayWithTheirOrganisationAndReceivingCentre() {
        Fixtures.Partner first = fixtures.partner();
        Fixtures.Partner second = fixtures.partner();
        ApiClient.Answer referred = first.adviser().post("/api/v1/referrals", Jsons.createObjectBuilder()
                .add("person", Fixtures.personBody("Secret-" + Fixtures.uniqueLetters(), "Lou", "1999-01-01"))
                .add("consent", Jsons.createObjectBuilder().add("personInformed", true)).build());
        assertEquals(201, referred.status(), referred.body());
        String id = referred.id();
        JsonObject empty = Jsons.createObjectBuilder().build();
        assertEquals(404, second.adviser().get("/api/v1/referrals/" + id).status());
        assertEquals(404, second.adviser().post("/api/v1/referrals/" + id + "/cancel", empty).status());
        assertEquals(404, second.staff().get("/api/v1/referrals/" + id).status());
        assertEquals(404, second.staff().get("/api/v1/referrals/" + id + "/proposals").status());
        assertEquals(404, second.staff().post("/api/v1/referrals/" + id + "/refuse",
                Jsons.createObjectBuilder().add("reason", "OTHER").add("text", "x").build()).status());
        assertEquals(404, second.staff().post("/api/v1/referrals/" + id + "/postpone", empty).status());
        String otherSession = fixtures.session(fixtures.room(fixtures.site(second.center()), 5),
                TestTime.todayInParis().plusDays(20), "09:00");
        assertEquals(404, second.staff().post("/api/v1/referrals/" + id + "/accept",
                Jsons.createObjectBuilder().add("sessionId", otherSession).build()).status());
        // Even an administrator cannot enrol the referred person in another centre's session.
        ApiClient.Answer crossing = admin.post("/api/v1/referrals/" + id + "/accept",
                Jsons.createObjectBuilder().add("sessionId", otherSession).build());
        assertEquals(422, crossing.status(), crossing.body());
        assertEquals("NEW", first.adviser().get("/api/v1/referrals/" + id).json().getString("status"));
        assertTrue(second.adviser().get("/api/v1/referrals").json().getJsonArray("items").stream()
                .noneMatch(r -> r.asJsonObject().getString("id").equals(id)));
    }

    /** Two centres importing the same person at once: each gets its own record, neither waits for nor sees the other. */
    @Test
    void twoCentresImportingTheSamePersonAtOnceEachGetTheirOwnRecord() throws Exception {
        String name = "Simultane-" + Fixtures.uniqueLetters();
        String day = TestTime.todayInParis().plusDays(45).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        List<Centre> centres = List.of(centre(), centre());
        List<byte[]> files = new ArrayList<>();
        for (Centre c : centres) {
            String site = Fixtures.unique("Tiers-lieu");
            String siteId = admin.post("/api/v1/centers/" + c.id() + "/sites", Fixtures.siteBody(site).build()).id();
            assertEquals(201, admin.post("/api/v1/sites/" + siteId + "/rooms", Fixtures.roomBody("Salle Adour", 8).build())
                    .status());
            files.add(PixFileFixture.oneCandidate(site, "Salle Adour", day, name, "Nora", "05/05/1995"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ApiClient.Answer>> imports = new ArrayList<>();
            for (int i = 0; i < centres.size(); i++) {
                Centre c = centres.get(i);
                byte[] file = files.get(i);
                imports.add(pool.submit(() -> c.staff().sendBytes("POST", "/api/v1/sessions/import", "text/csv", file)));
            }
            for (Future<ApiClient.Answer> f : imports) {
                ApiClient.Answer answer = f.get();
                assertEquals(200, answer.status(), answer.body());
                assertEquals(1, answer.json().getJsonObject("people").getInt("created"), answer.body());
            }
        } finally {
            pool.shutdownNow();
        }
        var rows = TestDatabase.get().database().client().execute()
                .query("SELECT owner_id FROM people WHERE birth_name = ?", name).map(r -> r.column("owner_id").getString())
                .toList();
        assertEquals(2, rows.size());
        assertEquals(centres.stream().map(Centre::id).sorted().toList(), rows.stream().sorted().toList());
    }
}
