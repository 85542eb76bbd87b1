package fr.jalon.notifications;

import java.net.ServerSocket;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.config.SmtpSettings;
import fr.jalon.platform.templates.TemplateRenderer;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** E-mails through a real SMTP server (GreenMail): delivered once, and not lost while the server is down. */
@HttpTest
class SmtpDeliveryTest {

    private final ApiClient admin;
    private final Fixtures fixtures;

    SmtpDeliveryTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    @Test
    void aConvocationIsDeliveredOnceEvenWhenTheSmtpServerWasDownFirst() throws Exception {
        // Other tests may leave due messages: send them first (to files), so the SMTP server sees only ours.
        TestDatabase.get().application().notifications().deliver(
                TestTime.noonInParis());
        int port = freePort();
        String address = "smtp-" + Fixtures.uniqueLetters() + "@example.org";
        String session = fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 10), TestTime.todayInParis().plusDays(15),
                "10:00");
        String enrolment = admin.post("/api/v1/sessions/" + session + "/enrolments",
                Fixtures.enrolmentBody(Fixtures.personBody("Courriel-" + Fixtures.uniqueLetters(), "Yann", "1977-07-07")
                        .add("email", address))).id();
        TestDatabase.get().application().notifications().plan();
        Notifications smtp = new Notifications(TestDatabase.get().database().client(),
                TestDatabase.get().database().transactions(), new AuditLog(),
                new TemplateRenderer(Optional.empty()), TestDatabase.DATA_DIR.resolve("outbox"), Clock.systemUTC(),
                List.of(7, 2), (tx, id) -> { }, Optional.of(SmtpSettings.plain("127.0.0.1", port,
                        "certification@example.org")), Optional.empty());

        smtp.deliver();
        assertEquals(List.of(1, 0), attemptsAndSent(enrolment), "server down: one failed attempt, nothing sent");

        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            TestDatabase.get().database().client().execute().dml(
                    "UPDATE notifications SET next_attempt_at = now() WHERE subject_id = ?", UUID.fromString(enrolment));
            smtp.deliver();
            smtp.deliver();

            MimeMessage[] received = mail.getReceivedMessages();
            List<MimeMessage> mine = Arrays.stream(received).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals(address);
                } catch (MessagingException e) {
                    return false;
                }
            }).toList();
            assertEquals(1, mine.size(), "delivered once, none lost, none twice");
            assertTrue(mine.getFirst().getSubject().startsWith("Convocation à la certification Pix"), mine.getFirst().getSubject());
            assertEquals(List.of(2, 1), attemptsAndSent(enrolment));
        } finally {
            mail.stop();
        }
    }

    /** [attempts, 1 if sent] of the enrolment's e-mail. */
    private static List<Integer> attemptsAndSent(String enrolment) {
        return TestDatabase.get().database().client().execute().get(
                        "SELECT attempts, status FROM notifications WHERE subject_id = ? AND channel = 'EMAIL'",
                        UUID.fromString(enrolment))
                .map(r -> List.of(r.column("attempts").get(Integer.class),
                        r.column("status").get(String.class).equals("SENT") ? 1 : 0))
                .orElseThrow();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
