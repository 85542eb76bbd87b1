package fr.jalon.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import fr.jalon.bench.BenchSupport.Goal;
import fr.jalon.candidates.PixFileFixture;
import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.PixOrgaCsv;
import fr.jalon.testing.ResultsCsv;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded mutation fuzz of every import endpoint (candidates' Pix file, Pix results, referral
 * batches, an authority's agents, a campaign's Pix Orga export, fragility inputs), for a fixed time: byte flips, control characters (NUL first), deleted, repeated and
 * swapped spans, stray separators and quotes, long cells, truncations. Every answer must be a 2xx
 * or a 4xx problem, never a 5xx, and a refused file must leave the database exactly as it was
 * (its target's row counts unchanged). Seed {@code jalon.fuzz.seed} (20261203), time
 * {@code jalon.fuzz.seconds} (60). Each finding becomes a regression test.
 */
class ImportFuzzBench {

    private static final long SEED = Long.getLong("jalon.fuzz.seed", 20261203L);
    private static final long SECONDS = Long.getLong("jalon.fuzz.seconds", 60L);

    private record Target(String name, ApiClient client, String path, byte[] seed, String countSql) {
    }

    @Test
    void mutatedImportsNeverAnswer500AndNeverHalfApply() throws Exception {
        WebServer server = BenchSupport.startServer();
        try {
            ApiClient admin = new ApiClient("http://localhost:" + server.port(), JalonServer.adminToken());
            Fixtures fixtures = new Fixtures(admin);
            List<Target> targets = targets(admin, fixtures);
            SplittableRandom random = new SplittableRandom(SEED);
            Map<String, int[]> outcomes = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
            int requests = 0;
            while (System.nanoTime() < deadline && failures.size() < 20) {
                Target target = targets.get(random.nextInt(targets.size()));
                byte[] file = mutate(target.seed(), random);
                long before = count(target.countSql());
                ApiClient.Answer answer = target.client().sendBytes("POST", target.path(), "text/csv", file);
                requests++;
                int[] counts = outcomes.computeIfAbsent(target.name(), k -> new int[3]);
                counts[answer.status() >= 500 ? 2 : answer.status() >= 400 ? 1 : 0]++;
                if (answer.status() >= 500) {
                    failures.add(target.name() + " " + answer.status() + ": " + answer.body() + " for "
                            + new String(file, StandardCharsets.UTF_8).replace("\u0000", "\\0"));
                } else if (answer.status() >= 400 && count(target.countSql()) != before) {
                    failures.add(target.name() + " refused (" + answer.status() + ") yet changed the database");
                }
            }
            double fuzzSeconds = SECONDS;
            // Baseline: the same endpoints answering the cheapest refusal (an empty file), in the same run.
            long started = System.nanoTime();
            int empty = 0;
            for (int i = 0; i < 300; i++) {
                Target target = targets.get(i % targets.size());
                assertTrue(target.client().sendBytes("POST", target.path(), "text/csv", new byte[0]).status() < 500);
                empty++;
            }
            double emptySeconds = (System.nanoTime() - started) / 1e9;
            var report = Jsons.createObjectBuilder().add("name", "import-fuzz").add("seed", SEED).add("seconds", SECONDS)
                    .add("requests", requests).add("failures", failures.size())
                    .add("requestsPerSecond", BenchSupport.round(requests / fuzzSeconds))
                    .add("emptyFileRequestsPerSecond", BenchSupport.round(empty / emptySeconds))
                    .add("costRatio", BenchSupport.ratio(empty / emptySeconds, requests / fuzzSeconds));
            StringBuilder perTarget = new StringBuilder();
            outcomes.forEach((name, c) -> {
                report.add(name, Jsons.createObjectBuilder().add("accepted", c[0]).add("refused", c[1]).add("errors", c[2]));
                perTarget.append(String.format(Locale.ROOT, "; %s %d accepted / %d refused / %d errors", name, c[0], c[1],
                        c[2]));
            });
            BenchSupport.report("import-fuzz", report, String.format(Locale.ROOT,
                    "import-fuzz: %d mutated files in %d s (seed %d), %.0f requests/s = %.2f x the cost of an empty "
                            + "file's refusal (%.0f/s)%s; nothing applied from a refused file",
                    requests, SECONDS, SEED, requests / fuzzSeconds, (empty / emptySeconds) / (requests / fuzzSeconds),
                    empty / emptySeconds, perTarget), Goal.equalTo("failures", 0), Goal.atLeast("requests", 100));
            assertTrue(failures.isEmpty(), String.join("\n", failures));
            assertTrue(requests > 100, "the fuzz ran (" + requests + " requests)");
        } finally {
            server.stop();
        }
    }

    private static List<Target> targets(ApiClient admin, Fixtures fixtures) {
        String center = fixtures.center();
        String site = Fixtures.unique("Tiers-lieu fuzz");
        String siteId = admin.post("/api/v1/centers/" + center + "/sites", Fixtures.siteBody(site).build()).id();
        admin.post("/api/v1/sites/" + siteId + "/rooms", Fixtures.roomBody("Salle Adour", 500).build());
        String day = TestTime.todayInParis().plusDays(90).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        byte[] candidates = PixFileFixture.oneCandidate(site, "Salle Adour", day, "Fuzz", "Léa", "12/03/1990");

        String session = fixtures.session(fixtures.room(fixtures.site(center), 10), TestTime.todayInParis().plusDays(40), "09:00");
        fixtures.enrol(session, "D'Artigues", "Anne-Sophie", "1980-04-02");
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
        Fixtures.startedAnHourAgo(session);
        staff.put("/api/v1/enrolments/" + admin.get("/api/v1/sessions/" + session + "/enrolments").json()
                .getJsonArray("items").getJsonObject(0).getString("id") + "/attendance",
                Jsons.createObjectBuilder().add("status", "PRESENT").build());
        assertEquals(200, staff.put("/api/v1/sessions/" + session + "/finalization", Jsons.createObjectBuilder().build())
                .status());
        byte[] results = ResultsCsv.v2026().row(ResultsCsv.newNumber(), "Anne-Sophie", "D'ARTIGUES", "02/04/1980",
                "Validée", "412", ResultsCsv.levels(3), "Validée", "RAS", 700_001).bytes();

        Fixtures.Partner partner = fixtures.partner(center);
        byte[] referrals = ("\uFEFFnom_naissance;prenom;sexe;date_naissance;commune_naissance_insee;ville_naissance;"
                + "pays_naissance;numero_france_travail;identifiant_imilo;email;mobile;disponibilites;communes_accessibles;note;"
                + "personne_informee\r\nLagarde;Inès;F;09/07/2001;40192;;France;;;ines@example.org;;;;Besoin d'aide;oui\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String authority = admin.post("/api/v1/local-authorities", Jsons.createObjectBuilder()
                .add("name", Fixtures.unique("Commune fuzz")).add("kind", "COMMUNE").add("siren", "214000887").build()).id();
        admin.post("/api/v1/local-authorities/" + authority + "/services", Jsons.createObjectBuilder()
                .add("path", "Direction des ressources humaines").build());
        String agentsHeader = "Matricule;Nom de naissance;Prénom;Date de naissance (JJ/MM/AAAA);E-mail professionnel;Service;"
                + "Sexe (M ou F);Code INSEE de la commune de naissance;Pays de naissance;Commune de résidence (code INSEE)";
        byte[] agents = ("\uFEFF" + agentsHeader + "\r\nM1;Lacoste;Inès;09/07/1980;ines@dax.example;"
                + "Direction des ressources humaines;F;40088;France;40088\r\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(200, admin.sendBytes("POST", "/api/v1/local-authorities/" + authority + "/agents/import", "text/csv",
                agents).status());
        String campaign = admin.post("/api/v1/campaigns", Jsons.createObjectBuilder().add("authorityId", authority)
                .add("name", "Fuzz").add("type", "ASSESSMENT").add("startsOn", TestTime.todayInParis().toString())
                .add("endsOn", TestTime.todayInParis().plusDays(30).toString()).build()).id();
        admin.post("/api/v1/campaigns/" + campaign + "/open", Jsons.createObjectBuilder().build());
        admin.post("/api/v1/campaigns/" + campaign + "/invitations", Jsons.createObjectBuilder().add("all", true).build());
        byte[] participation = PixOrgaCsv.assessment(admin.get("/api/v1/campaigns/" + campaign).json().getString("code"),
                "Matricule", PixOrgaCsv.COMPETENCES).assessmentRow("M1", "Lacoste", "Inès", 1, true, 0.6).bytes();
        String vintage = "FUZZ-" + Fixtures.uniqueLetters();
        byte[] inputs;
        try (InputStream in = ImportFuzzBench.class.getResourceAsStream("/fragility/landes-iris-rp2016.csv")) {
            inputs = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of(
                new Target("agents", admin, "/api/v1/local-authorities/" + authority + "/agents/import", agents,
                        "SELECT count(*) + coalesce(sum(hashtext(a::text)), 0) FROM agents a WHERE authority_id = '"
                                + authority + "'"),
                new Target("participation", admin, "/api/v1/campaigns/" + campaign + "/participation", participation,
                        "SELECT count(*) + coalesce(sum(hashtext(p::text)), 0) FROM campaign_participants p "
                                + "WHERE campaign_id = '" + campaign + "'"),
                new Target("fragility-inputs", admin, "/api/v1/fragility/inputs?vintage=" + vintage, inputs,
                        "SELECT count(*) + coalesce(sum(hashtext(i::text)), 0) FROM fragility_inputs i WHERE vintage = '"
                                + vintage + "'"),
                new Target("candidates", admin, "/api/v1/sessions/import?center=" + center, candidates,
                        "SELECT (SELECT count(*) FROM sessions WHERE center_id = '" + center + "') * 1000000 + "
                                + "(SELECT count(*) FROM enrolments WHERE center_id = '" + center + "')"),
                new Target("results", staff, "/api/v1/sessions/" + session + "/results", results,
                        "SELECT count(*) + coalesce(sum(version), 0) FROM certification_results WHERE session_id = '"
                                + session + "'"),
                new Target("referrals", partner.adviser(), "/api/v1/referrals/batch", referrals,
                        "SELECT count(*) FROM referrals WHERE organisation_id = '" + partner.organisation() + "'"));
    }

    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] data = seed.clone();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            data = switch (random.nextInt(9)) {
                case 0 -> flip(data, random);
                case 1 -> insert(data, random, new byte[] {0});
                case 2 -> insert(data, random, new byte[] {(byte) (1 + random.nextInt(31))});
                case 3 -> delete(data, random);
                case 4 -> repeat(data, random);
                case 5 -> insert(data, random, new byte[] {';'});
                case 6 -> insert(data, random, new byte[] {'"'});
                case 7 -> insert(data, random, "é".repeat(1 + random.nextInt(400)).getBytes(StandardCharsets.UTF_8));
                default -> Arrays.copyOf(data, random.nextInt(data.length + 1));
            };
        }
        return data;
    }

    private static byte[] flip(byte[] data, SplittableRandom random) {
        if (data.length == 0) {
            return data;
        }
        byte[] out = data.clone();
        out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        return out;
    }

    private static byte[] insert(byte[] data, SplittableRandom random, byte[] what) {
        int at = random.nextInt(data.length + 1);
        byte[] out = new byte[data.length + what.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(data, at, out, at + what.length, data.length - at);
        return out;
    }

    private static byte[] delete(byte[] data, SplittableRandom random) {
        if (data.length == 0) {
            return data;
        }
        int from = random.nextInt(data.length);
        int to = Math.min(data.length, from + 1 + random.nextInt(20));
        byte[] out = new byte[data.length - (to - from)];
        System.arraycopy(data, 0, out, 0, from);
        System.arraycopy(data, to, out, from, data.length - to);
        return out;
    }

    private static byte[] repeat(byte[] data, SplittableRandom random) {
        if (data.length == 0) {
            return data;
        }
        int from = random.nextInt(data.length);
        int to = Math.min(data.length, from + 1 + random.nextInt(200));
        return insert(data, random, Arrays.copyOfRange(data, from, to));
    }

    private static long count(String sql) {
        return TestDatabase.get().database().client().execute().get("SELECT CAST((" + sql + ") AS bigint) AS n")
                .map(r -> r.column("n").get(Long.class)).orElseThrow();
    }
}
