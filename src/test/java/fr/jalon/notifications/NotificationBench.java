package fr.jalon.notifications;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import fr.jalon.bench.BenchSupport.Goal;
import fr.jalon.bench.BenchSupport;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.config.SmsSettings;
import fr.jalon.platform.config.SmtpSettings;
import fr.jalon.platform.db.Database;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.templates.TemplateRenderer;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.helidon.webserver.WebServer;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reminders for 100,000 due enrolments: enqueue (one INSERT … SELECT per offset) and render
 * (every due row read as delivery reads it, and its e-mail composed); then delivery throughput:
 * to {@code .eml} files (lock, render, write, mark sent), to a real SMTP server (GreenMail) and to
 * an HTTP SMS endpoint (MockWebServer). Goal: enqueue and render the 100,000 reminders in under
 * 20 s on 2 cores. Each figure has its floor measured in the same run: the planned rows copied by
 * one plain INSERT … SELECT; the due rows read in the same batches without composing; the same
 * number of files of the same size written and renamed; the same number of prebuilt messages sent
 * over one Jakarta Mail connection; the same number of POSTs sent by a bare OkHttp client.
 */
class NotificationBench {

    private static final int ROOMS = Integer.getInteger("bench.rooms", 20);
    private static final int DAYS = 7;
    private static final String[] SLOTS = {"08:30", "10:45", "13:30", "15:45"};
    private static final int PER_SESSION = 180;
    private static final int NETWORK_MESSAGES = 2_000;
    private static final int FILE_MESSAGES = 10_000;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void remindersForOneHundredThousandEnrolmentsAndDeliveryThroughput() throws Exception {
        WebServer server = BenchSupport.startServer();
        Database database = TestDatabase.get().database();
        try {
            ApiClient admin = new ApiClient("http://localhost:" + server.port(), JalonServer.adminToken());
            Fixtures fixtures = new Fixtures(admin);
            String site = fixtures.site(fixtures.center());
            LocalDate first = TestTime.todayInParis().plusDays(10);
            for (int r = 0; r < ROOMS; r++) {
                String room = fixtures.room(site, 200);
                for (int d = 0; d < DAYS; d++) {
                    for (String slot : SLOTS) {
                        fixtures.session(room, first.plusDays(d), slot);
                    }
                }
            }
            long seeding = System.nanoTime();
            int enrolments = seed(database, site);
            System.out.printf("seeded %d in %.1f s%n", enrolments, seconds(seeding));
            database.client().execute().dml("UPDATE notifications SET status = 'CANCELLED' WHERE status = 'PENDING'");

            Path outbox = Files.createTempDirectory("jalon-bench-outbox");
            // As of the eve of the first day: every session is within 7 days, enrolled long before.
            Instant eve = first.minusDays(1).atTime(21, 0).atZone(PARIS).toInstant();
            Notifications files = notifications(database, outbox, Optional.empty(), Optional.empty());
            long started = System.nanoTime();
            String planned = files.planReminders(eve);
            double planSeconds = seconds(started);
            System.out.printf("planned in %.1f s%n", planSeconds);
            assertEquals(enrolments + " rappel(s) planifié(s)", planned);
            long renderStarted = System.nanoTime();
            int rendered = renderAll(database, eve);
            double renderSeconds = seconds(renderStarted);
            assertEquals(enrolments, rendered, "every reminder rendered");

            // Delivery to files: a part of the queue (the whole would only repeat the same rate for minutes).
            database.client().execute().dml("UPDATE notifications SET next_attempt_at = now() + interval '1 day' "
                    + "WHERE status = 'PENDING' AND id NOT IN (SELECT id FROM notifications WHERE status = 'PENDING' "
                    + "ORDER BY id LIMIT ?)", FILE_MESSAGES);
            long deliveryStarted = System.nanoTime();
            files.deliver(eve);
            double deliverSeconds = seconds(deliveryStarted);
            assertEquals(FILE_MESSAGES, count(database,
                    "SELECT count(*) AS n FROM notifications WHERE status = 'SENT' AND kind = 'REMINDER'"));
            System.out.printf("files in %.1f s%n", deliverSeconds);

            double smtpRate = smtpThroughput(database, outbox);
            double smsRate = smsThroughput(database, outbox, first.minusDays(1));

            double planFloorSeconds = copyFloor(database);
            double readFloorSeconds = readFloor(database);
            long emlBytes = averageEmlBytes(outbox);
            double fileFloorRate = fileFloor(emlBytes);
            double smtpFloorRate = smtpFloor();
            double smsFloorRate = smsFloor();

            double total = planSeconds + renderSeconds;
            double fileRate = FILE_MESSAGES / deliverSeconds;
            String summary = String.format(Locale.ROOT,
                    "notifications: %d reminders enqueued in %.2f s (%.0f rows/s; floor: the rows copied by one INSERT "
                            + "… SELECT %.2f s) and rendered in %.2f s (%.0f msg/s; floor: the rows read alone %.2f s), "
                            + "total %.2f s; delivery: .eml files %.0f msg/s (floor %.0f), SMTP (GreenMail) %.0f msg/s "
                            + "(floor %.0f), SMS (HTTP) %.0f msg/s (floor %.0f)",
                    enrolments, planSeconds, enrolments / planSeconds, planFloorSeconds, renderSeconds,
                    enrolments / renderSeconds, readFloorSeconds, total, fileRate, fileFloorRate, smtpRate, smtpFloorRate,
                    smsRate, smsFloorRate);
            BenchSupport.report("notifications", Jsons.createObjectBuilder()
                    .add("name", "notifications")
                    .add("reminders", enrolments)
                    .add("planSeconds", BenchSupport.round(planSeconds))
                    .add("planRowsPerSecond", Math.round(enrolments / planSeconds))
                    .add("renderSeconds", BenchSupport.round(renderSeconds))
                    .add("renderPerSecond", Math.round(enrolments / renderSeconds))
                    .add("fileMessagesPerSecond", Math.round(FILE_MESSAGES / deliverSeconds))
                    .add("totalSeconds", BenchSupport.round(total))
                    .add("smtpMessagesPerSecond", Math.round(smtpRate))
                    .add("smsMessagesPerSecond", Math.round(smsRate))
                    .add("floors", Jsons.createObjectBuilder()
                            .add("planCopySeconds", BenchSupport.round(planFloorSeconds))
                            .add("readSeconds", BenchSupport.round(readFloorSeconds))
                            .add("fileMessagesPerSecond", Math.round(fileFloorRate))
                            .add("smtpMessagesPerSecond", Math.round(smtpFloorRate))
                            .add("smsMessagesPerSecond", Math.round(smsFloorRate)))
                    .add("ratios", Jsons.createObjectBuilder()
                            .add("plan", BenchSupport.ratio(planSeconds, planFloorSeconds))
                            .add("render", BenchSupport.ratio(renderSeconds, readFloorSeconds))
                            .add("fileThroughput", BenchSupport.ratio(fileRate, fileFloorRate))
                            .add("smtpThroughput", BenchSupport.ratio(smtpRate, smtpFloorRate))
                            .add("smsThroughput", BenchSupport.ratio(smsRate, smsFloorRate))), summary,
                    Goal.below("totalSeconds", 20));
        } finally {
            server.stop();
        }
    }

    /** People with an e-mail address, a mobile phone and e-mail as their channel, seated in every session of the site. */
    private static int seed(Database database, String site) {
        database.client().execute().dml("""
                WITH s AS (SELECT id, center_id, row_number() OVER (ORDER BY id) AS k FROM sessions
                           WHERE site_id = CAST(? AS uuid)),
                     n AS (SELECT s.id AS session_id, s.center_id, (s.k - 1) * ? + g AS i
                           FROM s CROSS JOIN generate_series(1, ?) AS g),
                     p AS (INSERT INTO people (owner_id, birth_name, first_name, sex, birth_date, birth_insee_code,
                                               birth_city, birth_country, identity_key, email, mobile_phone,
                                               preferred_channels)
                           SELECT n.center_id, 'Rappel-' || n.i, 'Camille', 'F', DATE '1980-01-01' + (n.i % 9000)::int, '40192',
                                  'Mont-de-Marsan', 'France', 'bench-reminder|' || n.session_id || '|' || n.i,
                                  'rappel' || n.i || '@example.org', '+3361' || lpad((n.i % 10000000)::text, 7, '0'),
                                  '{EMAIL}'
                           FROM n RETURNING id, identity_key)
                INSERT INTO enrolments (session_id, center_id, person_id, status, billing_mode, origin, created_at)
                SELECT n.session_id, n.center_id, p.id, 'CONVOKED', 'FREE', 'DIRECT', now() - interval '30 days'
                FROM n JOIN p ON p.identity_key = 'bench-reminder|' || n.session_id || '|' || n.i""",
                site, PER_SESSION, PER_SESSION);
        return Math.toIntExact(count(database, "SELECT count(*) AS n FROM enrolments e JOIN sessions s ON s.id = e.session_id "
                + "WHERE s.site_id = CAST('" + site + "' AS uuid)"));
    }

    /**
     * Reads every due reminder as delivery does (locked, in batches) and composes its e-mail, in
     * a transaction rolled back at the end so the queue stays as it was. Returns how many.
     */
    private static int renderAll(Database database, Instant now) {
        ConvocationReadModel convocations = new ConvocationReadModel();
        MessageComposer composer = new MessageComposer(new TemplateRenderer(Optional.empty()), id -> Optional.empty());
        return database.transactions().inRolledBackTransaction(tx -> {
            int done = 0;
            long characters = 0;
            List<DueNotification> batch;
            do {
                batch = convocations.claimed(tx, convocations.claimDue(tx, 1_000, "bench",
                        Instant.now().plusSeconds(600)));
                for (DueNotification n : batch) {
                    Message message = composer.compose(n, now);
                    characters += message.text().length() + message.html().length();
                }
                // Out of the next batch's way, as delivery's marks would be.
                tx.dml("UPDATE notifications SET status = 'SENT' WHERE id = ANY(CAST(? AS uuid[]))",
                        batch.stream().map(n -> n.id().toString()).collect(Collectors.joining(",", "{", "}")));
                done += batch.size();
            } while (!batch.isEmpty());
            System.out.printf("rendered %d messages, %d characters%n", done, characters);
            return done;
        });
    }

    /** Floor of the enqueue: the planned reminders copied into a table of the same shape by one plain statement. */
    private static double copyFloor(Database database) {
        database.client().execute().dml("DROP TABLE IF EXISTS bench_notification_floor");
        database.client().execute().dml("CREATE TABLE bench_notification_floor (LIKE notifications INCLUDING DEFAULTS)");
        try {
            long started = System.nanoTime();
            database.client().execute().dml("INSERT INTO bench_notification_floor SELECT * FROM notifications "
                    + "WHERE kind = 'REMINDER'");
            return seconds(started);
        } finally {
            database.client().execute().dml("DROP TABLE bench_notification_floor");
        }
    }

    /** Floor of the render: the due rows read and locked in the same batches, nothing composed (rolled back). */
    private static double readFloor(Database database) {
        database.client().execute().dml("UPDATE notifications SET status = 'PENDING', next_attempt_at = now() "
                + "WHERE kind = 'REMINDER' AND channel = 'EMAIL'");
        ConvocationReadModel convocations = new ConvocationReadModel();
        long started = System.nanoTime();
        database.transactions().inRolledBackTransaction(tx -> {
            List<DueNotification> batch;
            do {
                batch = convocations.claimed(tx, convocations.claimDue(tx, 1_000, "bench",
                        Instant.now().plusSeconds(600)));
                tx.dml("UPDATE notifications SET status = 'SENT' WHERE id = ANY(CAST(? AS uuid[]))",
                        batch.stream().map(n -> n.id().toString()).collect(Collectors.joining(",", "{", "}")));
            } while (!batch.isEmpty());
            return null;
        });
        double seconds = seconds(started);
        database.client().execute().dml("UPDATE notifications SET status = 'CANCELLED' WHERE status = 'PENDING'");
        return seconds;
    }

    private static long averageEmlBytes(Path outbox) throws Exception {
        try (var files = Files.walk(outbox)) {
            return Math.round(files.filter(f -> f.toString().endsWith(".eml")).limit(100)
                    .mapToLong(f -> f.toFile().length()).average().orElseThrow());
        }
    }

    /** Floor of the file delivery: the same number of files of the same size, written then renamed. */
    private static double fileFloor(long bytes) throws Exception {
        Path dir = Files.createTempDirectory("jalon-bench-floor");
        byte[] content = new byte[(int) bytes];
        long started = System.nanoTime();
        for (int i = 0; i < FILE_MESSAGES; i++) {
            Path partial = dir.resolve(i + ".part");
            Files.write(partial, content);
            Files.move(partial, dir.resolve(i + ".eml"), StandardCopyOption.ATOMIC_MOVE);
        }
        double rate = FILE_MESSAGES / seconds(started);
        TestDatabase.deleteRecursively(dir);
        return rate;
    }

    /** Floor of the SMTP delivery: prebuilt messages over one Jakarta Mail connection to a local GreenMail. */
    private static double smtpFloor() throws Exception {
        GreenMail mail = localSmtpServer();
        int port = mail.getSmtp().getPort();
        try {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(port));
            Session session = Session.getInstance(properties);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("certification@example.org"));
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, "rappel@example.org");
            message.setSubject("Rappel : votre certification Pix", "UTF-8");
            message.setText("Bonjour, votre session de certification Pix a lieu dans 7 jours.", "UTF-8");
            message.saveChanges();
            long started = System.nanoTime();
            try (jakarta.mail.Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (int i = 0; i < NETWORK_MESSAGES; i++) {
                    transport.sendMessage(message, message.getAllRecipients());
                }
            }
            double rate = NETWORK_MESSAGES / seconds(started);
            assertEquals(NETWORK_MESSAGES, mail.getReceivedMessages().length);
            return rate;
        } finally {
            mail.stop();
        }
    }

    /** Floor of the SMS delivery: the same number of small JSON POSTs from a bare OkHttp client. */
    private static double smsFloor() throws Exception {
        try (MockWebServer provider = new MockWebServer()) {
            provider.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse.Builder().code(202).build();
                }
            });
            provider.start();
            OkHttpClient client = new OkHttpClient();
            RequestBody body = RequestBody.create("{\"to\":\"+33612345678\",\"text\":\"Rappel : certification Pix dans 7 jours.\"}",
                    MediaType.get("application/json"));
            long started = System.nanoTime();
            for (int i = 0; i < NETWORK_MESSAGES; i++) {
                try (Response response = client.newCall(new Request.Builder().url(provider.url("/sms")).post(body).build())
                        .execute()) {
                    assertEquals(202, response.code());
                }
            }
            return NETWORK_MESSAGES / seconds(started);
        }
    }

    /** A started GreenMail SMTP server on a free loopback port. */
    private static GreenMail localSmtpServer() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** The first {@link #NETWORK_MESSAGES} reminders again, through a local SMTP server. */
    private static double smtpThroughput(Database database, Path outbox) throws Exception {
        GreenMail mail = localSmtpServer();
        int port = mail.getSmtp().getPort();
        try {
            requeue(database, "EMAIL");
            Notifications smtp = notifications(database, outbox, Optional.of(SmtpSettings.plain("127.0.0.1", port,
                    "certification@example.org")), Optional.empty());
            long started = System.nanoTime();
            smtp.deliver();
            double seconds = seconds(started);
            assertEquals(NETWORK_MESSAGES, mail.getReceivedMessages().length);
            return NETWORK_MESSAGES / seconds;
        } finally {
            mail.stop();
        }
    }

    /** The same number of SMS to an HTTP provider answering 202, at noon (outside quiet hours). */
    private static double smsThroughput(Database database, Path outbox, LocalDate day) throws Exception {
        AtomicInteger received = new AtomicInteger();
        try (MockWebServer provider = new MockWebServer()) {
            provider.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    received.incrementAndGet();
                    // No body: MockWebServer writes a body as a second small segment, and the client would
                    // wait out a 40 ms delayed ACK for it (an artefact of the test server, not of Jalon).
                    return new MockResponse.Builder().code(202).build();
                }
            });
            provider.start();
            requeue(database, "SMS");
            Notifications sms = notifications(database, outbox, Optional.empty(), Optional.of(new SmsSettings(
                    provider.url("/sms").toString(), "bench-token", "CentrePix", Duration.ofSeconds(5))));
            long started = System.nanoTime();
            sms.deliver(day.atTime(LocalTime.NOON).atZone(PARIS).toInstant());
            double seconds = seconds(started);
            assertEquals(NETWORK_MESSAGES, received.get());
            return NETWORK_MESSAGES / seconds;
        }
    }

    /** Puts {@link #NETWORK_MESSAGES} sent reminders back in the queue on the given channel. */
    private static void requeue(Database database, String channel) {
        database.client().execute().dml("UPDATE notifications SET status = 'CANCELLED' WHERE status = 'PENDING'");
        database.client().execute().dml("""
                UPDATE notifications SET status = 'PENDING', channel = ?, attempts = 0, next_attempt_at = now()
                WHERE id IN (SELECT id FROM notifications WHERE kind = 'REMINDER' AND status = 'SENT' AND channel = 'EMAIL'
                             ORDER BY id LIMIT ?)""",
                channel, NETWORK_MESSAGES);
    }

    private static Notifications notifications(Database database, Path outbox, Optional<SmtpSettings> smtp,
                                               Optional<SmsSettings> sms) {
        return new Notifications(database.client(), database.transactions(), new AuditLog(),
                new TemplateRenderer(Optional.empty()), outbox, Clock.systemUTC(), List.of(7), (tx, id) -> { }, smtp, sms);
    }

    private static long count(Database database, String sql) {
        return database.client().execute().get(sql).map(row -> row.column("n").get(Long.class)).orElseThrow();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
