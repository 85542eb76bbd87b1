package fr.jalon.bench;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.jalon.bench.BenchSupport.Goal;
import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.ResultsCsv;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import io.helidon.webserver.WebServer;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mixed traffic against a running instance on loopback, at rising concurrency: session listing
 * (40 %), enrolments (20 %), referral intake (15 %), attestation downloads (15 %), public
 * verification lookups (10 %). Each level runs for {@code load.seconds} / 4 (default 60 s in all).
 * Reports per level and per endpoint the throughput and p50/p99, and where latency breaks (the
 * first level whose overall p99 exceeds 4× the first level's). Goal: no error other than the
 * documented 429 (rate limits) and 503 (overload).
 */
class LoadBench {

    private static final int[] LEVELS = {4, 8, 16, 32};
    private static final String[] ENDPOINTS = {"sessions", "enrolment", "referral", "attestation", "verification"};
    private static final int[] WEIGHTS = {40, 20, 15, 15, 10};
    private static final Pattern CODE = Pattern.compile("\"code\":\"(P-[A-Z0-9]+)\"");

    private record Sample(String endpoint, long nanos, int status) {
    }

    @Test
    void mixedTrafficAtRisingConcurrency() throws Exception {
        long seconds = Long.getLong("load.seconds", 60);
        WebServer server = BenchSupport.startServer();
        try {
            URI uri = URI.create("http://localhost:" + server.port());
            ApiClient admin = new ApiClient(uri.toString(), JalonServer.adminToken());
            Fixtures fixtures = new Fixtures(admin);
            Fixtures.Partner partner = fixtures.partner();
            List<String> rooms = new ArrayList<>();
            for (int r = 0; r < 10; r++) {
                rooms.add(fixtures.room(fixtures.site(partner.center()), 500));
            }
            List<String> sessions = new ArrayList<>();
            for (int d = 0; d < 10; d++) {
                sessions.add(fixtures.session(rooms.get(d), TestTime.todayInParis().plusDays(30 + d), "09:00"));
            }
            List<String> attested = attestedEnrolments(admin, fixtures);
            List<String> codes = new ArrayList<>();
            for (String enrolment : attested.subList(0, 10)) {
                admin.download("/api/v1/enrolments/" + enrolment + "/attestation.pdf");
            }
            String session = admin.get("/api/v1/enrolments/" + attested.getFirst()).json().getString("sessionId");
            Matcher m = CODE.matcher(admin.get("/api/v1/sessions/" + session + "/attestations").body());
            while (m.find()) {
                codes.add(m.group(1));
            }
            AtomicInteger unique = new AtomicInteger();
            JsonArrayBuilder levels = Jsons.createArrayBuilder();
            StringBuilder summary = new StringBuilder("load:");
            double firstP99 = 0;
            int breaksAt = 0;
            int unexpected = 0;
            for (int clients : LEVELS) {
                ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
                long until = System.nanoTime() + seconds * 1_000_000_000L / LEVELS.length;
                try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                    List<Future<?>> users = new ArrayList<>();
                    for (int c = 0; c < clients; c++) {
                        users.add(pool.submit(() -> {
                            ThreadLocalRandom random = ThreadLocalRandom.current();
                            while (System.nanoTime() < until) {
                                String endpoint = pick(random.nextInt(100));
                                long started = System.nanoTime();
                                int status = call(endpoint, admin, partner, sessions, attested, codes, unique, random);
                                samples.add(new Sample(endpoint, System.nanoTime() - started, status));
                            }
                            return null;
                        }));
                    }
                    for (Future<?> user : users) {
                        user.get();
                    }
                }
                double levelSeconds = (double) seconds / LEVELS.length;
                JsonObjectBuilder level = Jsons.createObjectBuilder().add("clients", clients);
                long[] all = samples.stream().mapToLong(Sample::nanos).sorted().toArray();
                double p99 = percentile(all, 0.99);
                firstP99 = firstP99 == 0 ? p99 : firstP99;
                if (breaksAt == 0 && p99 > 4 * firstP99) {
                    breaksAt = clients;
                }
                level.add("requestsPerSecond", Math.round(all.length / levelSeconds)).add("p50Millis",
                        BenchSupport.round(percentile(all, 0.5))).add("p99Millis", BenchSupport.round(p99));
                summary.append(String.format(" %d clients %d req/s p50 %.1f p99 %.1f ms (", clients,
                        Math.round(all.length / levelSeconds), percentile(all, 0.5), p99));
                Map<String, JsonObjectBuilder> byEndpoint = new LinkedHashMap<>();
                List<String> parts = new ArrayList<>();
                for (String endpoint : ENDPOINTS) {
                    List<Sample> mine = samples.stream().filter(s -> s.endpoint().equals(endpoint)).toList();
                    long[] nanos = mine.stream().mapToLong(Sample::nanos).sorted().toArray();
                    Map<Integer, Long> statuses = new ConcurrentHashMap<>();
                    mine.forEach(s -> statuses.merge(s.status(), 1L, Long::sum));
                    JsonObjectBuilder counts = Jsons.createObjectBuilder();
                    statuses.forEach((status, n) -> counts.add(String.valueOf(status), n));
                    unexpected += (int) mine.stream().filter(s -> s.status() >= 400 && s.status() != 429
                            && s.status() != 503).count();
                    byEndpoint.put(endpoint, Jsons.createObjectBuilder().add("requests", mine.size())
                            .add("perSecond", Math.round(mine.size() / levelSeconds))
                            .add("p50Millis", BenchSupport.round(percentile(nanos, 0.5)))
                            .add("p99Millis", BenchSupport.round(percentile(nanos, 0.99))).add("statuses", counts));
                    parts.add(String.format("%s %d/s p99 %.1f", endpoint, Math.round(mine.size() / levelSeconds),
                            percentile(nanos, 0.99)));
                }
                JsonObjectBuilder endpoints = Jsons.createObjectBuilder();
                byEndpoint.forEach(endpoints::add);
                levels.add(level.add("endpoints", endpoints));
                summary.append(String.join(", ", parts)).append(");");
            }
            summary.append(breaksAt == 0 ? " latency holds up to 32 clients" : " p99 breaks (> 4× the first level's) at "
                    + breaksAt + " clients").append("; unexpected errors: ").append(unexpected);
            BenchSupport.report("load", Jsons.createObjectBuilder().add("name", "load").add("seconds", seconds)
                    .add("levels", levels).add("breaksAtClients", breaksAt).add("unexpectedErrors", unexpected),
                    summary.toString(), Goal.equalTo("unexpectedErrors", 0));
        } finally {
            server.stop();
        }
    }

    private static String pick(int roll) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i];
            if (roll < sum) {
                return ENDPOINTS[i];
            }
        }
        return ENDPOINTS[0];
    }

    private static int call(String endpoint, ApiClient admin, Fixtures.Partner partner, List<String> sessions,
                            List<String> attested, List<String> codes, AtomicInteger unique, ThreadLocalRandom random) {
        return switch (endpoint) {
            case "sessions" -> admin.get("/api/v1/sessions?limit=50").status();
            case "enrolment" -> admin.post("/api/v1/sessions/" + sessions.get(random.nextInt(sessions.size()))
                    + "/enrolments", Fixtures.enrolmentBody(Fixtures.personBody("Charge-" + Fixtures.letters(
                    unique.incrementAndGet()), "Lou", "1990-01-01"))).status();
            case "referral" -> partner.adviser().post("/api/v1/referrals", Jsons.createObjectBuilder()
                    .add("person", Fixtures.personBody("Orientee-" + Fixtures.letters(unique.incrementAndGet()), "Sam",
                            "1992-02-02").add("residenceInsee", "40192"))
                    .add("consent", Jsons.createObjectBuilder().add("personInformed", true)).build()).status();
            case "attestation" -> admin.download("/api/v1/enrolments/" + attested.get(random.nextInt(attested.size()))
                    + "/attestation.pdf").status();
            default -> admin.get("/api/v1/public/attestations/" + codes.get(random.nextInt(codes.size()))).status();
        };
    }

    /** A finalized session of 30 present candidates with their results imported. */
    private static List<String> attestedEnrolments(ApiClient admin, Fixtures fixtures) {
        String session = fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 30),
                TestTime.todayInParis().plusDays(40), "14:00");
        long pixNumber = 700_000_000L + ThreadLocalRandom.current().nextInt(100_000_000);
        ResultsCsv csv = ResultsCsv.v2026();
        List<String> enrolments = new ArrayList<>();
        String tag = Fixtures.uniqueLetters();
        for (int n = 0; n < 30; n++) {
            LocalDate birth = LocalDate.of(1960 + n, 1 + n % 12, 1 + n % 28);
            String name = "Charge-" + tag + "-" + Fixtures.letters(n);
            enrolments.add(fixtures.enrol(session, name, "Éloïse", birth.toString()));
            csv.row(ResultsCsv.newNumber(), "Éloïse", name, birth.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                    "Validée", String.valueOf(300 + n), ResultsCsv.levels(3), "", "", pixNumber);
        }
        var db = TestDatabase.get().database().client().execute();
        db.dml("UPDATE sessions SET status = 'FINALIZED', pix_number = ? WHERE id = ?", pixNumber, UUID.fromString(session));
        db.dml("UPDATE enrolments SET status = 'PRESENT' WHERE session_id = ?", UUID.fromString(session));
        assertEquals(200, admin.sendBytes("POST", "/api/v1/sessions/" + session + "/results", "text/csv", csv.bytes())
                .status());
        return enrolments;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1_000_000.0;
    }
}
