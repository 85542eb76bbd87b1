package fr.jalon;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.Mails;
import fr.jalon.testing.Outbox;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two service processes on one PostgreSQL, as in production behind nginx: requests spread over
 * both, 100 enrolments racing for 10 seats give exactly 10; then one process is killed (SIGKILL)
 * once the convocations are planned — each is delivered, none twice as the receiver sees it (one
 * Message-ID each), no enrolment lost or doubled, and the survivor runs the clustered jobs.
 */
class ClusterTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Process> processes = new ArrayList<>();
    private final List<Path> directories = new ArrayList<>();
    private String database;
    private String token;

    private record Instance(Process process, URI uri, Path dataDir) {
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (database != null) {
            try (Connection admin = DriverManager.getConnection(TestDatabase.get().jdbcUrl(), TestDatabase.get().user(), "");
                 Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
        directories.forEach(TestDatabase::deleteRecursively);
    }

    private String url() {
        return TestDatabase.get().jdbcUrl().replaceAll("/[^/?]+(\\?|$)", "/" + database + "$1");
    }

    /** `java -jar jalon.jar <args>` as production runs it, from the tests' class path, on the cluster's database. */
    private ProcessBuilder jalon(int port, Path dataDir, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "fr.jalon.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("JALON_DB_URL", url());
        env.put("JALON_DB_USER", TestDatabase.get().user());
        env.put("JALON_DB_PASSWORD", "");
        env.put("JALON_DB_POOL_SIZE", "6");
        env.put("JALON_PORT", String.valueOf(port));
        env.put("JALON_HOST", "127.0.0.1");
        env.put("JALON_DATA_DIR", dataDir.toString());
        env.put("JALON_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("JALON_SECRET_KEY", "Y2x1c3Rlci10ZXN0LXNlY3JldC1rZXktMzItYnl0ZXM=");
        env.put("JALON_SCHEDULER_NAME", "jalon-cluster-test");
        env.put("JALON_DELIVERY_LEASE_SECONDS", "10");
        return builder;
    }

    /** The first administrator's token, as the README has an operator create it (`admin create-token`). */
    private String createToken() throws Exception {
        Path dir = Files.createTempDirectory("jalon-cluster-cli");
        directories.add(dir);
        Process cli = jalon(0, dir, "admin", "create-token", "--email", "admin@example.org")
                .redirectError(dir.resolve("cli.log").toFile()).start();
        String out = new String(cli.getInputStream().readAllBytes()).strip();
        assertTrue(cli.waitFor(120, TimeUnit.SECONDS) && cli.exitValue() == 0, "create-token: " + out);
        String[] lines = out.split("\\R");
        return lines[lines.length - 1].strip();
    }

    /** A service process on a free port with a data directory of its own; returns once it is ready. */
    private Instance start() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("jalon-cluster");
        directories.add(dataDir);
        ProcessBuilder builder = jalon(port, dataDir);
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("jalon.log").toFile());
        Process process = builder.start();
        processes.add(process);
        URI uri = URI.create("http://127.0.0.1:" + port);
        waitFor(Duration.ofSeconds(150), () -> ready(uri), "instance on port " + port + " ready");
        return new Instance(process, uri, dataDir);
    }

    private static boolean ready(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri.resolve("/observe/health/ready")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void waitFor(Duration limit, BooleanSupplier condition, String what) {
        Instant until = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private long count(String sql) {
        try (Connection c = DriverManager.getConnection(url(), TestDatabase.get().user(), "");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Message-ID of every e-mail in these outboxes, by the notification id of its file. */
    private static Map<String, List<String>> messageIds(List<Path> dataDirs) throws Exception {
        Map<String, List<String>> byNotification = new HashMap<>();
        for (Path dir : dataDirs) {
            for (Path file : Outbox.files(dir)) {
                String name = file.getFileName().toString();
                if (name.endsWith("-email.eml")) {
                    byNotification.computeIfAbsent(name.substring(0, 36), k -> new ArrayList<>())
                            .add(Mails.read(file).getMessageID());
                }
            }
        }
        return byNotification;
    }

    @Test
    void twoProcessesBehaveAsOneServiceAndTheSurvivorOfAKillFinishesTheWork() throws Exception {
        database = "cluster_" + ThreadLocalRandom.current().nextInt(1_000_000);
        try (Connection admin = DriverManager.getConnection(TestDatabase.get().jdbcUrl(), TestDatabase.get().user(), "");
             Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        token = createToken();
        Instance a = start();
        Instance b = start();
        ApiClient viaA = new ApiClient(a.uri().toString(), token);
        ApiClient viaB = new ApiClient(b.uri().toString(), token);
        Fixtures fixtures = new Fixtures(viaA);
        String room = fixtures.room(fixtures.site(fixtures.center()), 10);
        String session = fixtures.session(room, TestTime.todayInParis().plusDays(20), "09:00");

        List<Integer> statuses;
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ApiClient client = i % 2 == 0 ? viaA : viaB;
                String name = "Course-" + Fixtures.letters(i);
                sent.add(pool.submit(() -> client.post("/api/v1/sessions/" + session + "/enrolments",
                        Fixtures.enrolmentBody(Fixtures.personBody(name, "Lou", "1990-01-01")
                                .add("email", name.toLowerCase() + "@example.org"))).status()));
            }
            statuses = new ArrayList<>();
            for (Future<Integer> f : sent) {
                statuses.add(f.get());
            }
        }
        assertEquals(List.of(201), statuses.stream().distinct().toList(), "every enrolment answered, on either process");
        assertEquals(10, count("SELECT count(*) FROM enrolments WHERE session_id = '" + session + "' AND status <> 'WAITLISTED'"),
                "exactly 10 seats taken");
        assertEquals(90, count("SELECT count(*) FROM enrolments WHERE session_id = '" + session + "' AND status = 'WAITLISTED'"));
        assertEquals(10, count("SELECT seats_taken FROM sessions WHERE id = '" + session + "'"));

        // The clustered planner turns the 10 seats into convocations; then one process dies on the spot.
        waitFor(Duration.ofSeconds(60), () -> count("SELECT count(*) FROM notifications WHERE kind = 'CONVOCATION'") == 10,
                "the 10 convocations planned");
        a.process().destroyForcibly().waitFor();

        waitFor(Duration.ofSeconds(90), () -> count("SELECT count(*) FROM notifications WHERE kind = 'CONVOCATION' "
                + "AND status = 'SENT'") == 10, "every convocation sent after the kill");
        Map<String, List<String>> mails = messageIds(List.of(a.dataDir(), b.dataDir()));
        Set<String> convocations = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url(), TestDatabase.get().user(), "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id FROM notifications WHERE kind = 'CONVOCATION'")) {
            while (r.next()) {
                convocations.add(r.getString(1));
            }
        }
        for (String id : convocations) {
            List<String> copies = mails.getOrDefault(id, List.of());
            assertTrue(!copies.isEmpty(), "convocation " + id + " delivered");
            assertEquals(Set.of("<" + id + "@jalon.local>"), new HashSet<>(copies),
                    "one message for the receiver, however many times a dying process wrote it");
        }
        assertEquals(100, count("SELECT count(*) FROM enrolments WHERE session_id = '" + session + "'"),
                "no enrolment lost or doubled");

        // The survivor runs the clustered jobs alone: a new enrolment is convoked through it.
        String late = viaB.post("/api/v1/sessions/" + new Fixtures(viaB).session(room, TestTime.todayInParis().plusDays(21),
                        "09:00")
                + "/enrolments", Fixtures.enrolmentBody(Fixtures.personBody("Tardive", "Inès", "1991-02-02")
                .add("email", "tardive@example.org"))).id();
        waitFor(Duration.ofSeconds(60), () -> count("SELECT count(*) FROM notifications WHERE subject_id = '" + late
                + "' AND kind = 'CONVOCATION' AND status = 'SENT'") == 1, "the survivor plans and delivers");
        String lateConvocation;
        try (Connection c = DriverManager.getConnection(url(), TestDatabase.get().user(), "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id FROM notifications WHERE kind = 'CONVOCATION' AND subject_id = '"
                     + late + "'")) {
            assertTrue(r.next());
            lateConvocation = r.getString(1);
        }
        assertEquals(List.of("<" + lateConvocation + "@jalon.local>"), messageIds(List.of(b.dataDir()))
                .get(lateConvocation), "written by the survivor, once");
    }
}
