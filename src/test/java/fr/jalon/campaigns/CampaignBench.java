package fr.jalon.campaigns;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

import fr.jalon.bench.BenchSupport;
import fr.jalon.bench.BenchSupport.Goal;
import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.PixOrgaCsv;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A 20,000-agent authority across 200 services (10 directions of 19 services): its Pix Orga
 * export (16 competences, 90 % shared) imported over HTTP into a campaign, against a JDBC batch
 * insert of the same rows into a table shaped like {@code campaign_participants} (its checks and
 * primary key, logged like it), in two
 * alternating rounds (each on its own campaign); then the campaign's report over HTTP, against
 * the read of its participants alone (the floor any report pays). Goals: import < 3 s and ≤ 3 ×
 * the baseline; report < 300 ms.
 */
class CampaignBench {

    private static final int AGENTS = 20_000;
    private static final int DIRECTIONS = 10;
    private static final int SERVICES_PER_DIRECTION = 19;
    private static final int ROUNDS = 2;
    private static final int REPORTS = 10;

    @Test
    void importAndReportOfTwentyThousandAgents() throws Exception {
        WebServer server = BenchSupport.startServer();
        try {
            ApiClient admin = new ApiClient("http://localhost:" + server.port(), JalonServer.adminToken());
            String center = new Fixtures(admin).center();
            String authority = admin.post("/api/v1/local-authorities", Jsons.createObjectBuilder()
                    .add("name", Fixtures.unique("Département")).add("kind", "DEPARTEMENT").add("siren", "224000018")
                    .add("centerIds", Jsons.createArrayBuilder().add(center)).build()).id();
            List<String> paths = new ArrayList<>();
            for (int d = 0; d < DIRECTIONS; d++) {
                for (int s = 0; s < SERVICES_PER_DIRECTION; s++) {
                    String path = "Direction " + d + " / Service " + s;
                    paths.add(path);
                    assertEquals(201, admin.post("/api/v1/local-authorities/" + authority + "/services",
                            Jsons.createObjectBuilder().add("path", path).build()).status());
                }
            }
            StringBuilder directory = new StringBuilder("Matricule;Nom de naissance;Prénom;Date de naissance (JJ/MM/AAAA);"
                    + "Service\r\n");
            for (int i = 0; i < AGENTS; i++) {
                directory.append("B").append(i).append(";Agent-").append(Fixtures.letters(i)).append(";Camille;")
                        .append(String.format(Locale.ROOT, "%02d/%02d/19%02d", 1 + i % 28, 1 + i % 12, 60 + i % 40))
                        .append(';').append(paths.get(i % paths.size())).append("\r\n");
            }
            long started = System.nanoTime();
            ApiClient.Answer imported = admin.send("POST", "/api/v1/local-authorities/" + authority + "/agents/import",
                    "text/csv", directory.toString());
            double directorySeconds = (System.nanoTime() - started) / 1e9;
            assertEquals(200, imported.status(), imported.body());

            DataSource dataSource = TestDatabase.get().database().dataSource();
            double importSeconds = 0;
            double baselineSeconds = 0;
            String reportCampaign = null;
            for (int round = 0; round < ROUNDS; round++) {
                String campaign = openCampaign(admin, authority);
                String code = admin.get("/api/v1/campaigns/" + campaign).json().getString("code");
                PixOrgaCsv export = PixOrgaCsv.assessment(code, "Matricule", PixOrgaCsv.COMPETENCES);
                for (int i = 0; i < AGENTS; i++) {
                    export.assessmentRow("B" + i, "Agent-" + Fixtures.letters(i), "Camille", 1, i % 10 != 0,
                            (i % 97) / 100.0);
                }
                byte[] file = export.bytes();
                started = System.nanoTime();
                ApiClient.Answer participation = admin.sendBytes("POST", "/api/v1/campaigns/" + campaign + "/participation",
                        "text/csv", file);
                importSeconds += (System.nanoTime() - started) / 1e9 / ROUNDS;
                assertEquals(200, participation.status(), participation.body());
                assertEquals(AGENTS, participation.json().getInt("updated"));
                baselineSeconds += batchInsert(dataSource) / ROUNDS;
                reportCampaign = campaign;
            }

            String reportPath = "/api/v1/campaigns/" + reportCampaign + "/report";
            for (int i = 0; i < 3; i++) {
                assertEquals(200, admin.get(reportPath).status());
            }
            double[] reports = new double[REPORTS];
            double[] floors = new double[REPORTS];
            for (int i = 0; i < REPORTS; i++) {
                started = System.nanoTime();
                assertEquals(200, admin.get(reportPath).status());
                reports[i] = (System.nanoTime() - started) / 1e6;
                started = System.nanoTime();
                readParticipants(dataSource, UUID.fromString(reportCampaign));
                floors[i] = (System.nanoTime() - started) / 1e6;
            }
            Arrays.sort(reports);
            Arrays.sort(floors);
            double reportMillis = reports[REPORTS / 2];
            double floorMillis = floors[REPORTS / 2];
            double ratio = importSeconds / baselineSeconds;
            String summary = String.format(Locale.ROOT,
                    "campaigns: directory of %d agents imported in %.2f s; Pix Orga export of %d agents imported "
                            + "in %.2f s = %.2f x a JDBC batch insert of the same rows (%.2f s), means of %d rounds; report "
                            + "over %d services %.0f ms (median of %d) = %.2f x reading its participants alone (%.0f ms)",
                    AGENTS, directorySeconds, AGENTS, importSeconds, ratio, baselineSeconds, ROUNDS,
                    DIRECTIONS + paths.size(), reportMillis, REPORTS, reportMillis / floorMillis, floorMillis);
            BenchSupport.report("campaigns", Jsons.createObjectBuilder()
                    .add("name", "campaigns")
                    .add("agents", AGENTS)
                    .add("services", DIRECTIONS + paths.size())
                    .add("directorySeconds", BenchSupport.round(directorySeconds))
                    .add("importSeconds", BenchSupport.round(importSeconds))
                    .add("jdbcBatchSeconds", BenchSupport.round(baselineSeconds))
                    .add("ratio", BenchSupport.round(ratio))
                    .add("reportMillis", BenchSupport.round(reportMillis))
                    .add("participantsReadMillis", BenchSupport.round(floorMillis)), summary,
                    Goal.below("importSeconds", 3), Goal.atMost("ratio", 3), Goal.below("reportMillis", 300));
        } finally {
            server.stop();
        }
    }

    private static String openCampaign(ApiClient admin, String authority) {
        String campaign = admin.post("/api/v1/campaigns", Jsons.createObjectBuilder().add("authorityId", authority)
                .add("name", "Bench").add("type", "ASSESSMENT").add("startsOn", TestTime.todayInParis().toString())
                .add("endsOn", TestTime.todayInParis().plusDays(30).toString()).build()).id();
        assertEquals(200, admin.post("/api/v1/campaigns/" + campaign + "/open", Jsons.createObjectBuilder().build()).status());
        assertEquals(AGENTS, admin.post("/api/v1/campaigns/" + campaign + "/invitations",
                Jsons.createObjectBuilder().add("all", true).build()).json().getInt("invited"));
        return campaign;
    }

    /** The same 20,000 participations as JDBC batches into a table of the same shape. Returns seconds. */
    private static double batchInsert(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            // A logged table with the participants' shape, checks and primary key: what writing these rows durably costs.
            c.createStatement().execute("DROP TABLE IF EXISTS bench_participants");
            c.createStatement().execute("CREATE TABLE bench_participants (LIKE campaign_participants INCLUDING ALL)");
            String masteries = "{" + String.join(",", Collections.nCopies(16, "0.50")) + "}";
            long started = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO bench_participants (campaign_id, agent_id, status, progression, started_on, shared_on,
                        mastery, competence_mastery, fingerprint)
                    VALUES (?, ?, 'SHARED', 100, DATE '2026-11-02', DATE '2026-11-05', ?, CAST(? AS numeric[]), ?)""")) {
                UUID campaign = UUID.randomUUID();
                for (int i = 0; i < AGENTS; i++) {
                    insert.setObject(1, campaign);
                    insert.setObject(2, UUID.randomUUID());
                    insert.setBigDecimal(3, BigDecimal.valueOf(i % 97, 2));
                    insert.setString(4, masteries);
                    insert.setString(5, "fingerprint-" + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private static void readParticipants(DataSource dataSource, UUID campaign) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement read = c.prepareStatement("""
                SELECT g.id, g.service_id, p.status, p.mastery, p.competence_mastery::text FROM campaign_participants p
                JOIN agents g ON g.id = p.agent_id WHERE p.campaign_id = ?""")) {
            read.setObject(1, campaign);
            try (var rs = read.executeQuery()) {
                while (rs.next()) {
                    rs.getString(5);
                }
            }
        }
    }
}
