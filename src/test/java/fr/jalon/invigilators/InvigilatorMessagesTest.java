package fr.jalon.invigilators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import fr.jalon.notifications.Notifications;
import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.Mails;
import fr.jalon.testing.Outbox;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invigilators hear of their sessions through the notifications' outbox: once when assigned (a
 * re-published plan that keeps them says nothing new), two days before, and never for a session
 * they no longer hold.
 */
@HttpTest
class InvigilatorMessagesTest {

    private final ApiClient admin;
    private final Fixtures fixtures;

    InvigilatorMessagesTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    private static JsonObjectBuilder invigilator(String site, String firstName) {
        return Jsons.createObjectBuilder()
                .add("kind", "EMPLOYEE").add("firstName", firstName).add("lastName", "Darrigrand")
                .add("email", firstName.toLowerCase() + "@example.org").add("phone", "06 12 34 56 78")
                .add("homeInsee", "40192").add("trainedPix", true).add("maxPerWeek", 3).add("maxPerMonth", 8)
                .add("siteIds", Jsons.createArrayBuilder().add(site))
                .add("availability", Jsons.createObjectBuilder().add("weekly", Jsons.createArrayBuilder().add("TUESDAY_MORNING")));
    }

    @Test
    void anAssignedInvigilatorIsToldOnceRemindedAndNeverAfterBeingRemoved() throws Exception {
        String center = fixtures.center();
        String site = fixtures.site(center);
        LocalDate tuesday = TestTime.todayInParis().plusDays(30).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        String session = fixtures.session(fixtures.room(site, 10), tuesday, "09:00");
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
        String marie = staff.post("/api/v1/invigilators", invigilator(site, "Marie").build()).id();
        Notifications notifications = TestDatabase.get().application().notifications();

        publishPlan(staff, tuesday);
        String assignment = staff.get("/api/v1/sessions/" + session + "/assignments").json().getJsonArray("items")
                .getJsonObject(0).getString("id");
        assertEquals(marie, staff.get("/api/v1/sessions/" + session + "/assignments").json().getJsonArray("items")
                .getJsonObject(0).getString("invigilatorId"));
        notifications.plan();
        assertEquals(List.of("EMAIL:PENDING", "SMS:PENDING"), rows(assignment, "INVIGILATOR_ASSIGNED"));

        deliverAtNoon();
        assertEquals(List.of("EMAIL:SENT", "SMS:SENT"), rows(assignment, "INVIGILATOR_ASSIGNED"));
        MimeMessage mail = mailOf(assignment, "INVIGILATOR_ASSIGNED");
        assertTrue(mail.getSubject().startsWith("Surveillance : certification Pix le "), mail.getSubject());
        assertEquals("marie@example.org", mail.getAllRecipients()[0].toString());
        List<String> files = attachmentNames((MimeMultipart) mail.getContent());
        assertEquals(List.of("certification-pix.ics"), files);
        String sms = Files.readString(fileOf(assignment, "INVIGILATOR_ASSIGNED", "sms.txt"));
        assertTrue(sms.contains("Surveillance certification Pix le "), sms);

        publishPlan(staff, tuesday);
        notifications.plan();
        assertEquals(List.of("EMAIL:SENT", "SMS:SENT"), rows(assignment, "INVIGILATOR_ASSIGNED"),
                "a plan that keeps Marie does not announce her session again");

        notifications.planReminders(tuesday.minusDays(1).atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
        assertEquals(List.of("EMAIL:PENDING", "SMS:PENDING"), rows(assignment, "INVIGILATOR_REMINDER"));
        assertEquals(204, staff.delete("/api/v1/assignments/" + assignment).status());
        deliverAtNoon();
        assertEquals(List.of("EMAIL:CANCELLED", "SMS:CANCELLED"), rows(assignment, "INVIGILATOR_REMINDER"),
                "no reminder for a session Marie no longer holds");

        String jean = staff.post("/api/v1/invigilators", invigilator(site, "Jean").add("email", JsonValue.NULL)
                .add("phone", JsonValue.NULL).build()).id();
        ApiClient.Answer manual = staff.post("/api/v1/sessions/" + session + "/assignments",
                Jsons.createObjectBuilder().add("invigilatorId", jean).build());
        assertEquals(201, manual.status(), manual.body());
        notifications.plan();
        assertEquals(List.of("HAND:HELD"), rows(manual.id(), "INVIGILATOR_ASSIGNED"),
                "nobody to write to: staff see the message is theirs to pass on");
    }

    private static void publishPlan(ApiClient staff, LocalDate day) {
        ApiClient.Answer plan = staff.post("/api/v1/assignments/plans", Jsons.createObjectBuilder()
                .add("from", day.toString()).add("to", day.toString()).add("seconds", 1).build());
        assertEquals(201, plan.status(), plan.body());
        assertEquals(200, staff.post("/api/v1/assignments/plans/" + plan.id() + "/publish",
                Jsons.createObjectBuilder().build()).status());
    }

    private static void deliverAtNoon() {
        TestDatabase.get().application().notifications().deliver(
                TestTime.noonInParis());
    }

    private static List<String> rows(String assignment, String kind) {
        return TestDatabase.get().database().client().execute()
                .query("SELECT channel || ':' || status AS row FROM notifications WHERE subject_id = ? AND kind = ? "
                        + "AND invigilator_id IS NOT NULL ORDER BY channel", UUID.fromString(assignment), kind)
                .map(row -> row.column("row").get(String.class)).toList();
    }

    private static Path fileOf(String assignment, String kind, String suffix) {
        String id = TestDatabase.get().database().client().execute()
                .get("SELECT id FROM notifications WHERE subject_id = ? AND kind = ? AND channel = ?",
                        UUID.fromString(assignment), kind, suffix.startsWith("sms") ? "SMS" : "EMAIL")
                .map(row -> row.column("id").get(UUID.class).toString()).orElseThrow();
        return Outbox.file(id, suffix);
    }

    private static MimeMessage mailOf(String assignment, String kind) throws Exception {
        return Mails.read(fileOf(assignment, kind, "email.eml"));
    }

    private static List<String> attachmentNames(MimeMultipart multipart) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                names.add(part.getFileName());
            }
        }
        return names;
    }
}
