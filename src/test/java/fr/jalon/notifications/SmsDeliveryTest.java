package fr.jalon.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.config.SmsSettings;
import fr.jalon.platform.templates.TemplateRenderer;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SMS through a real HTTP server (MockWebServer): 5xx and timeouts are retried, 4xx are final. */
@HttpTest
class SmsDeliveryTest {

    private static final Instant NOON = TestTime.noonInParis();

    private final ApiClient admin;
    private final Fixtures fixtures;

    SmsDeliveryTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    private String enrolWithMobile(String mobile) {
        String session = fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 10), TestTime.todayInParis().plusDays(16),
                "10:00");
        String enrolment = admin.post("/api/v1/sessions/" + session + "/enrolments",
                Fixtures.enrolmentBody(Fixtures.personBody("Texto-" + Fixtures.uniqueLetters(), "Maé", "1995-05-05")
                        .add("mobilePhone", mobile))).id();
        TestDatabase.get().application().notifications().plan();
        return enrolment;
    }

    /**
     * A provider that answers each recipient from its own script and records its requests; any
     * other recipient (a message another test left due) gets 202. Nothing depends on which other
     * messages are in the queue or in which order they go.
     */
    private static final class Provider extends Dispatcher {

        private final String recipient;
        private final Deque<MockResponse> script = new ConcurrentLinkedDeque<>();
        private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();

        Provider(String recipient) {
            this.recipient = recipient;
        }

        void next(MockResponse response) {
            script.add(response);
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (!request.getBody().utf8().contains("\"to\":\"" + recipient + "\"")) {
                return new MockResponse.Builder().code(202).build();
            }
            received.add(request);
            MockResponse scripted = script.poll();
            return scripted != null ? scripted : new MockResponse.Builder().code(599).build();
        }
    }

    private static Notifications smsThrough(MockWebServer provider) {
        return new Notifications(TestDatabase.get().database().client(), TestDatabase.get().database().transactions(),
                new AuditLog(), new TemplateRenderer(Optional.empty()), TestDatabase.DATA_DIR.resolve("outbox"),
                TestTime.clock(), List.of(7, 2), (tx, id) -> { }, Optional.empty(),
                Optional.of(new SmsSettings(provider.url("/sms").toString(), "secret-token", "CentrePix", Duration.ofSeconds(1))));
    }

    private static String statusOf(String enrolment) {
        return TestDatabase.get().database().client().execute().get(
                        "SELECT status || '/' || attempts AS s FROM notifications WHERE subject_id = ? AND channel = 'SMS'",
                        UUID.fromString(enrolment))
                .map(r -> r.column("s").get(String.class)).orElseThrow();
    }

    private static void dueNow(String enrolment) {
        TestDatabase.get().database().client().execute().dml(
                "UPDATE notifications SET next_attempt_at = now() WHERE subject_id = ?", UUID.fromString(enrolment));
    }

    @Test
    void aServerErrorAndATimeoutAreRetriedThenTheSmsGoesOnce() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            Provider provider = new Provider("+33633445566");
            server.setDispatcher(provider);
            server.start();
            String enrolment = enrolWithMobile("06 33 44 55 66");
            Notifications sms = smsThrough(server);

            provider.next(new MockResponse.Builder().code(500).build());
            sms.deliver(NOON);
            assertEquals("PENDING/1", statusOf(enrolment));

            dueNow(enrolment);
            provider.next(new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS).build());
            sms.deliver(NOON);
            assertEquals("PENDING/2", statusOf(enrolment), "a timeout is retried");

            dueNow(enrolment);
            provider.next(new MockResponse.Builder().code(202).body("{\"id\":\"abc\"}").build());
            sms.deliver(NOON);
            assertEquals("SENT/3", statusOf(enrolment));

            dueNow(enrolment);
            sms.deliver(NOON);
            assertEquals("SENT/3", statusOf(enrolment));
            assertEquals(3, provider.received.size(), "three requests: the error, the timeout, the success; none after");
            RecordedRequest request = provider.received.getLast();
            assertEquals("Bearer secret-token", request.getHeaders().get("Authorization"));
            String body = request.getBody().utf8();
            assertTrue(body.contains("\"to\":\"+33633445566\""), body);
            assertTrue(body.contains("\"from\":\"CentrePix\""), body);
        }
    }

    @Test
    void aRefusalIsFinalAndShownToStaff() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            Provider provider = new Provider("+33677889900");
            server.setDispatcher(provider);
            server.start();
            String enrolment = enrolWithMobile("06 77 88 99 00");
            provider.next(new MockResponse.Builder().code(400).body("{\"error\":\"invalid number\"}").build());

            smsThrough(server).deliver(NOON);
            dueNow(enrolment);
            smsThrough(server).deliver(NOON);

            assertEquals("FAILED/1", statusOf(enrolment));
            assertEquals(1, provider.received.size(), "a refusal is not retried");
            String error = TestDatabase.get().database().client().execute().get(
                            "SELECT last_error FROM notifications WHERE subject_id = ? AND channel = 'SMS'", UUID.fromString(enrolment))
                    .map(r -> r.column("last_error").get(String.class)).orElseThrow();
            assertEquals("Refusé par le fournisseur de SMS (HTTP 400)", error);
        }
    }
}
