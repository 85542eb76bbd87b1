package fr.jalon.notifications;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Documents;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.Jobs;
import fr.jalon.testing.Mails;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Enrolling someone produces their convocation, once per channel, under the outbox directory. */
@HttpTest
class ConvocationDeliveryTest {

    private final ApiClient admin;
    private final Fixtures fixtures;

    ConvocationDeliveryTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    @Test
    void anEnrolmentIsConvokedByEveryChannelOfThePersonExactlyOnce() throws Exception {
        String session = fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 10), TestTime.todayInParis().plusDays(12),
                "09:30");
        String tag = Fixtures.uniqueLetters();
        ApiClient.Answer enrolled = admin.post("/api/v1/sessions/" + session + "/enrolments",
                Fixtures.enrolmentBody(Fixtures.personBody("Convoquee-" + tag, "Léa", "1990-04-12")
                        .add("email", "lea@example.org").add("mobilePhone", "06 12 34 56 78")
                        .add("address", Jsons.createObjectBuilder().add("line1", "4 rue des Arènes")
                                .add("postalCode", "40100").add("city", "Dax"))));
        assertEquals(201, enrolled.status(), enrolled.body());

        runAndWait("notification-planner");
        deliverAt("12:00");

        List<Path> files = outboxFilesOf(enrolled.id());
        assertEquals(3, files.size(), files.toString());
        String mail = read(files.stream().filter(f -> f.toString().endsWith("-email.eml")).findFirst().orElseThrow());
        assertTrue(mail.contains("To: lea@example.org"), mail);
        assertTrue(mail.contains("Subject: =?UTF-8?"), "the subject is encoded");
        assertTrue(mail.contains("multipart/alternative"), "an HTML part and a text part");
        assertTrue(mail.contains("filename=certification-pix.ics") && mail.contains("BEGIN:VCALENDAR"), "a calendar event");
        Path eml = files.stream().filter(f -> f.toString().endsWith("-email.eml")).findFirst().orElseThrow();
        String calendar = new String(attachment(eml, "certification-pix.ics"), StandardCharsets.UTF_8);
        assertTrue(calendar.contains("UID:" + enrolled.id() + "@jalon") && calendar.contains("METHOD:PUBLISH"), calendar);
        String page = Documents.pdfText(attachment(eml, "convocation-certification-pix.pdf"));
        assertTrue(page.contains("Convoquee-" + tag) && page.contains("4 rue des Arènes"), page);
        String sms = read(files.stream().filter(f -> f.toString().endsWith("-sms.txt")).findFirst().orElseThrow());
        assertTrue(sms.startsWith("À : +33612345678"), sms);
        assertTrue(SmsText.segments(sms.substring(sms.indexOf("\n\n") + 2)) <= 2);
        String letter = read(files.stream().filter(f -> f.toString().endsWith("-letter.txt")).findFirst().orElseThrow());
        assertTrue(letter.contains("4 rue des Arènes"), letter);

        assertEquals("CONVOKED", admin.get("/api/v1/enrolments/" + enrolled.id()).json().getString("status"));
        runAndWait("notification-planner");
        runAndWait("notification-delivery");
        deliverAt("12:00");
        assertEquals(3, outboxFilesOf(enrolled.id()).size(), "nothing is sent twice");
        assertTrue(read(files.getFirst()).contains("Convoquee-" + tag) || read(files.get(1)).contains("Convoquee-" + tag));
        long rows = TestDatabase.get().database().client().execute().get(
                "SELECT count(*) AS n FROM notifications WHERE subject_id = ? AND status = 'SENT'", UUID.fromString(enrolled.id()))
                .map(r -> r.column("n").get(Long.class)).orElseThrow();
        assertEquals(3, rows);
    }

    @Test
    void anSmsDueAtNightWaitsForTheMorning() throws Exception {
        String session = fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 10), TestTime.todayInParis().plusDays(13),
                "14:00");
        ApiClient.Answer enrolled = admin.post("/api/v1/sessions/" + session + "/enrolments",
                Fixtures.enrolmentBody(Fixtures.personBody("Nuit-" + Fixtures.uniqueLetters(), "Léo", "1992-02-02")
                        .add("mobilePhone", "06 22 33 44 55")));
        TestDatabase.get().application().notifications().plan();

        deliverAt("22:30");

        var row = TestDatabase.get().database().client().execute().get(
                "SELECT status, attempts, next_attempt_at FROM notifications WHERE subject_id = ? AND channel = 'SMS'",
                UUID.fromString(enrolled.id())).orElseThrow();
        assertEquals("PENDING", row.column("status").get(String.class));
        assertEquals(0, row.column("attempts").get(Integer.class), "waiting is not a failed attempt");
        Instant next = row.column("next_attempt_at").get(Timestamp.class).toInstant();
        assertEquals(LocalTime.of(8, 0), next.atZone(ZoneId.of("Europe/Paris")).toLocalTime());
        assertTrue(outboxFilesOf(enrolled.id()).isEmpty());
    }

    /** Delivers as if it were {@code time} today in Paris (quiet hours depend on it). */
    private static void deliverAt(String time) {
        Instant at = TestTime.at(LocalTime.parse(time));
        TestDatabase.get().application().notifications().deliver(at);
    }

    private void runAndWait(String job) throws InterruptedException {
        Jobs.runAndWait(admin, job);
    }

    /** The outbox files of an enrolment's notifications (files are named after the notification). */
    private static List<Path> outboxFilesOf(String enrolmentId) throws IOException {
        List<String> ids = TestDatabase.get().database().client().execute()
                .query("SELECT id::text AS id FROM notifications WHERE subject_id = ?", UUID.fromString(enrolmentId))
                .map(r -> r.column("id").get(String.class)).toList();
        Path outbox = TestDatabase.DATA_DIR.resolve("outbox");
        if (!Files.exists(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> ids.stream().anyMatch(id -> f.getFileName().toString().startsWith(id)))
                    .sorted().toList();
        }
    }

    private static String read(Path file) throws Exception {
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        // Mail bodies are quoted-printable: read them decoded.
        return file.toString().endsWith(".eml") ? raw + "\n" + decoded(file) : raw;
    }

    /** The content of the e-mail's attachment named {@code fileName}. */
    private static byte[] attachment(Path eml, String fileName) throws Exception {
        return Mails.attachment(Mails.read(eml), fileName);
    }

    private static String decoded(Path eml) throws Exception {
        return Mails.text(Mails.read(eml));
    }
}
