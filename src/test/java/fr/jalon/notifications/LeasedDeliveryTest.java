package fr.jalon.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.config.SmsSettings;
import fr.jalon.platform.templates.TemplateRenderer;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.Mails;
import fr.jalon.testing.Outbox;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import io.helidon.dbclient.DbExecute;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages are sent with no transaction open: the claim (SENDING, a lease, the instance) is
 * committed before the provider is called, each outcome is recorded on its own, a lease that ran
 * out is taken over, a live one is left to its holder, and an e-mail's Message-ID is its
 * notification's, so that a receiver can tell a message sent twice.
 */
@HttpTest
class LeasedDeliveryTest {

    private static final Instant NOON = TestTime.noonInParis();

    private final ApiClient admin;
    private final Fixtures fixtures;

    LeasedDeliveryTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    /** A candidate with a mobile phone and their planned SMS convocation; returns the notification's id. */
    private UUID smsConvocation(String mobile) {
        String session = fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 10),
                TestTime.todayInParis().plusDays(16), "10:00");
        String enrolment = admin.post("/api/v1/sessions/" + session + "/enrolments",
                Fixtures.enrolmentBody(Fixtures.personBody("Bail-" + Fixtures.uniqueLetters(), "Maé", "1995-05-05")
                        .add("mobilePhone", mobile))).id();
        TestDatabase.get().application().notifications().plan();
        return db().get("SELECT id FROM notifications WHERE subject_id = ? AND channel = 'SMS'", UUID.fromString(enrolment))
                .orElseThrow().column("id").get(UUID.class);
    }

    private static DbExecute db() {
        return TestDatabase.get().database().client().execute();
    }

    private static String state(UUID id) {
        return db().get("SELECT status || '/' || coalesce(lease_owner, '-') AS s FROM notifications WHERE id = ?", id)
                .orElseThrow().column("s").get(String.class);
    }

    /** A provider that, for one recipient, records what the outbox row looked like from outside while it was called. */
    private static final class Provider extends Dispatcher {

        private final String recipient;
        private final UUID notification;
        final List<String> seenDuringSend = new CopyOnWriteArrayList<>();

        Provider(String recipient, UUID notification) {
            this.recipient = recipient;
            this.notification = notification;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (request.getBody().utf8().contains("\"to\":\"" + recipient + "\"")) {
                seenDuringSend.add(db().get("SELECT status, lease_until > now() AS leased FROM notifications WHERE id = ?",
                        notification).map(r -> r.column("status").get(String.class) + "/" + r.column("leased")
                        .get(Boolean.class)).orElseThrow());
            }
            return new MockResponse.Builder().code(202).build();
        }
    }

    private static Notifications smsThrough(MockWebServer provider) {
        return new Notifications(TestDatabase.get().database().client(), TestDatabase.get().database().transactions(),
                new AuditLog(), new TemplateRenderer(Optional.empty()), TestDatabase.DATA_DIR.resolve("outbox"),
                TestTime.clock(), List.of(7, 2), (tx, id) -> { }, Optional.empty(),
                Optional.of(new SmsSettings(provider.url("/sms").toString(), "secret-token", "CentrePix",
                        Duration.ofSeconds(2))));
    }

    @Test
    void theClaimIsCommittedBeforeTheProviderIsCalledAndTheOutcomeReleasesIt() throws Exception {
        UUID id = smsConvocation("06 71 22 33 44");
        try (MockWebServer server = new MockWebServer()) {
            Provider provider = new Provider("+33671223344", id);
            server.setDispatcher(provider);
            server.start();
            smsThrough(server).deliver(NOON);
            assertEquals(List.of("SENDING/true"), provider.seenDuringSend,
                    "while the provider was called, the row was claimed and committed, seen from another connection");
            assertEquals("SENT/-", state(id), "sent, lease released");
        }
    }

    @Test
    void aLeaseThatRanOutIsTakenOverAndALiveOneIsLeftToItsHolder() throws Exception {
        UUID orphan = smsConvocation("06 71 22 33 55");
        UUID held = smsConvocation("06 71 22 33 66");
        // An instance died while sending the first; another is sending the second right now.
        db().dml("UPDATE notifications SET status = 'SENDING', lease_owner = 'jalon-mort', "
                + "lease_until = now() - interval '1 minute' WHERE id = ?", orphan);
        db().dml("UPDATE notifications SET status = 'SENDING', lease_owner = 'jalon-vivant', "
                + "lease_until = now() + interval '10 minutes' WHERE id = ?", held);
        try (MockWebServer server = new MockWebServer()) {
            Provider toOrphan = new Provider("+33671223355", orphan);
            server.setDispatcher(toOrphan);
            server.start();
            smsThrough(server).deliver(NOON);
            assertEquals(1, toOrphan.seenDuringSend.size(), "the orphan goes once");
            assertEquals("SENT/-", state(orphan));
            assertEquals("SENDING/jalon-vivant", state(held), "the live lease is not touched");
        }
        // The holder's outcome still lands; an instance that lost the lease records nothing.
        NotificationRepository repository = new NotificationRepository();
        boolean holderRecorded = TestDatabase.get().database().transactions().inTransaction(tx -> repository.markSent(tx,
                held, "jalon-vivant"));
        assertTrue(holderRecorded);
        boolean lostRecorded = TestDatabase.get().database().transactions().inTransaction(tx -> repository.markFailed(tx,
                orphan, "jalon-mort", "trop tard"));
        assertFalse(lostRecorded, "a lost lease records nothing");
        assertEquals("SENT/-", state(orphan));
    }

    @Test
    void anEmailsMessageIdIsItsNotifications() throws Exception {
        String session = fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 10),
                TestTime.todayInParis().plusDays(16), "10:00");
        String enrolment = fixtures.enrolWithEmail(session, "Courriel-" + Fixtures.uniqueLetters(), "Lou", "1990-01-01",
                "lou." + Fixtures.uniqueLetters().toLowerCase() + "@example.org");
        Notifications notifications = TestDatabase.get().application().notifications();
        notifications.plan();
        UUID id = db().get("SELECT id FROM notifications WHERE subject_id = ? AND channel = 'EMAIL' AND kind = 'CONVOCATION'",
                UUID.fromString(enrolment)).orElseThrow().column("id").get(UUID.class);
        db().dml("UPDATE notifications SET next_attempt_at = now() WHERE id = ?", id);
        notifications.deliver(NOON);
        assertEquals("SENT/-", state(id));
        assertEquals("<" + id + "@jalon.local>", Mails.read(Outbox.file(id.toString(), "email.eml")).getMessageID());
    }
}
