package fr.jalon.notifications;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The messages that follow a session's life: a change, a cancellation, a seat freed for the
 * waiting list; and the day's letters printed by site.
 */
@HttpTest
class SessionMessagesTest {

    /** Reminders are planned as if four days had passed: a J-7 reminder for a session ten days away. */
    private static final Instant FOUR_DAYS_ON = Instant.now().plus(Duration.ofDays(4));

    private final ApiClient admin;
    private final Fixtures fixtures;

    SessionMessagesTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    @Test
    void aMovedSessionTellsEveryoneSeatedOnceAndItsOldRemindersAreDropped() {
        String session = fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 10), TestTime.todayInParis().plusDays(10),
                "09:30");
        String enrolment = enrol(session, "Deplacee", Jsons.createObjectBuilder().add("email", "d@example.org"));
        Notifications notifications = TestDatabase.get().application().notifications();
        notifications.plan();
        notifications.planReminders(FOUR_DAYS_ON);
        assertEquals(List.of("PENDING"), statuses(enrolment, "REMINDER"), "J-7 is due four days on");

        ApiClient.Answer moved = admin.patch("/api/v1/sessions/" + session, Jsons.createObjectBuilder()
                .add("date", TestTime.todayInParis().plusDays(20).toString()).build());
        assertEquals(200, moved.status(), moved.body());
        notifications.plan();
        notifications.plan();
        deliverAtNoon();

        assertEquals(List.of("SENT"), statuses(enrolment, "SESSION_CHANGED"), "one message, even if planned twice");
        assertEquals(List.of("CANCELLED"), statuses(enrolment, "REMINDER"), "the reminder of the old date is pointless");
    }

    @Test
    void aCancelledSessionIsAnnouncedToSeatedAndWaitingPeopleAndNothingElseGoes() {
        String session = fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 1), TestTime.todayInParis().plusDays(10),
                "14:00");
        String seated = enrol(session, "Assise", Jsons.createObjectBuilder().add("mobilePhone", "06 11 22 33 44"));
        String waiting = enrol(session, "Attente", Jsons.createObjectBuilder().add("email", "w@example.org"));
        assertEquals("WAITLISTED", admin.get("/api/v1/enrolments/" + waiting).json().getString("status"));
        Notifications notifications = TestDatabase.get().application().notifications();
        notifications.plan();
        notifications.planReminders(FOUR_DAYS_ON);

        assertEquals(200, admin.post("/api/v1/sessions/" + session + "/cancel",
                Jsons.createObjectBuilder().add("reason", "Salle indisponible").build()).status());
        notifications.plan();
        deliverAtNoon();

        assertEquals(List.of("SENT"), statuses(seated, "SESSION_CANCELLED"));
        assertEquals(List.of("SENT"), statuses(waiting, "SESSION_CANCELLED"));
        assertEquals(List.of("CANCELLED"), statuses(seated, "CONVOCATION"), "no convocation to a cancelled session");
        assertEquals(List.of("CANCELLED"), statuses(seated, "REMINDER"));
    }

    @Test
    void aSeatFreedConvokesTheNextPersonWithAPromotionMessage() {
        String session = fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 1), TestTime.todayInParis().plusDays(14),
                "10:00");
        String first = enrol(session, "Premiere", Jsons.createObjectBuilder().add("email", "p@example.org"));
        String next = enrol(session, "Suivante", Jsons.createObjectBuilder().add("email", "s@example.org"));
        Notifications notifications = TestDatabase.get().application().notifications();
        notifications.plan();
        assertEquals(List.of(), statuses(next, "CONVOCATION"), "nobody is convoked from the waiting list");

        assertEquals(200, admin.delete("/api/v1/enrolments/" + first + "?reason=empechement").status());
        notifications.plan();
        deliverAtNoon();

        assertEquals(List.of("SENT"), statuses(next, "PROMOTED"));
        assertEquals("CONVOKED", admin.get("/api/v1/enrolments/" + next).json().getString("status"));
    }

    @Test
    void theDaysLettersPrintAsOnePdfPerSiteOnlyForThatSitesCentre() throws Exception {
        String center = fixtures.center();
        String site = fixtures.site(center);
        String session = fixtures.session(fixtures.room(site, 10), TestTime.todayInParis().plusDays(16), "09:00");
        String tag = Fixtures.uniqueLetters();
        enrol(session, "Courrier-" + tag, Jsons.createObjectBuilder().add("address", Jsons.createObjectBuilder()
                .add("line1", "8 impasse des Pins").add("postalCode", "40200").add("city", "Mimizan")));
        Notifications notifications = TestDatabase.get().application().notifications();
        notifications.plan();
        deliverAtNoon();

        String staff = fixtures.tokenFor("CENTER_STAFF", center);
        LocalDate today = TestTime.todayInParis();
        JsonObject batch = admin.as(staff).get("/api/v1/notifications/letters?date=" + today).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals(site, batch.getString("siteId"));
        assertEquals(1, batch.getInt("letters"));

        ApiClient.Download pdf = admin.as(staff).download(batch.getString("pdf"));
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.contentType());
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf.body())))) {
            assertEquals(1, document.getNumberOfPages());
            String page = PdfTextExtractor.getTextFromPage(document.getPage(1));
            assertTrue(page.contains("Courrier-" + tag) && page.contains("8 impasse des Pins") && page.contains("40200 Mimizan"),
                    page);
        }

        String otherStaff = fixtures.tokenFor("CENTER_STAFF", fixtures.center());
        assertEquals(404, admin.as(otherStaff).download(batch.getString("pdf")).status());
        assertTrue(admin.as(otherStaff).get("/api/v1/notifications/letters?date=" + today).json().getJsonArray("items")
                .stream().noneMatch(v -> v.asJsonObject().getString("siteId").equals(site)));
        assertEquals(400, admin.as(staff).get("/api/v1/notifications/letters.pdf?date=" + today).status(), "siteId is required");
    }

    private String enrol(String session, String birthName, JsonObjectBuilder contact) {
        var person = Fixtures.personBody(birthName + "-" + Fixtures.uniqueLetters(), "Alex", "1985-05-05");
        contact.build().forEach(person::add);
        ApiClient.Answer answer = admin.post("/api/v1/sessions/" + session + "/enrolments", Fixtures.enrolmentBody(person));
        assertEquals(201, answer.status(), answer.body());
        return answer.id();
    }

    private static void deliverAtNoon() {
        TestDatabase.get().application().notifications().deliver(
                TestTime.noonInParis());
    }

    private static List<String> statuses(String enrolment, String kind) {
        return TestDatabase.get().database().client().execute()
                .query("SELECT status FROM notifications WHERE subject_id = ? AND kind = ? ORDER BY created_at",
                        UUID.fromString(enrolment), kind)
                .map(row -> row.column("status").get(String.class)).toList();
    }
}
