package fr.jalon.campaigns;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.jalon.notifications.Notifications;
import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Db;
import fr.jalon.testing.Documents;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.Mails;
import fr.jalon.testing.Outbox;
import fr.jalon.testing.PixOrgaCsv;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HR of a commune: services, agent directory, a campaign, the Pix Orga export, the report under
 * the publishing rules, and agents sent to a partner centre's session — over HTTP.
 */
@HttpTest
class CampaignsHttpTest {

    static final String AGENTS_HEADER = "Matricule;Nom de naissance;Prénom;Date de naissance (JJ/MM/AAAA);"
            + "E-mail professionnel;Service;Sexe (M ou F);Code INSEE de la commune de naissance;Pays de naissance;"
            + "Commune de résidence (code INSEE)";
    static final String DRH = "Direction des ressources humaines";
    static final String VOIRIE = "Direction des services techniques / Voirie";
    static final String ESPACES_VERTS = "Direction des services techniques / Espaces verts";

    private final ApiClient admin;
    private final Fixtures fixtures;

    CampaignsHttpTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    /** A commune working with one centre, its HR, three services and 30 agents (14 DRH, 12 Voirie, 4 Espaces verts). */
    record Commune(String authority, String center, ApiClient hr, String tag, List<String> numbers) {
    }

    Commune commune() {
        String center = fixtures.center();
        ApiClient.Answer authority = admin.post("/api/v1/local-authorities", Jsons.createObjectBuilder()
                .add("name", Fixtures.unique("Commune de Dax")).add("kind", "COMMUNE").add("siren", "214 000 887")
                .add("territoryCode", "40088").add("contactEmail", "rh@dax.example")
                .add("centerIds", Jsons.createArrayBuilder().add(center)).build());
        assertEquals(201, authority.status(), authority.body());
        String hrUser = admin.post("/api/v1/users", Jsons.createObjectBuilder().add("email", UUID.randomUUID() + "@dax.example")
                .add("displayName", "Service RH").add("role", "HR").add("authorityId", authority.id()).build()).id();
        ApiClient hr = admin.as(admin.post("/api/v1/users/" + hrUser + "/tokens", Jsons.createObjectBuilder().build()).json()
                .getString("token"));
        for (String path : List.of(DRH, VOIRIE, ESPACES_VERTS)) {
            ApiClient.Answer service = hr.post("/api/v1/local-authorities/" + authority.id() + "/services",
                    Jsons.createObjectBuilder().add("path", path).build());
            assertEquals(201, service.status(), service.body());
        }
        String tag = Fixtures.uniqueLetters();
        List<String> numbers = new ArrayList<>();
        StringBuilder file = new StringBuilder("\uFEFF").append(AGENTS_HEADER).append("\r\n");
        for (int i = 0; i < 30; i++) {
            String number = "M" + tag.toUpperCase() + i;
            numbers.add(number);
            String service = i < 14 ? DRH : i < 26 ? VOIRIE : ESPACES_VERTS;
            // Agents 25 and 29 lack what certification needs (sex, birthplace).
            String identity = i == 25 || i == 29 ? ";;;" : (i % 2 == 0 ? "F" : "M") + ";40088;France;";
            file.append(number).append(";Agent-").append(tag).append('-').append(Fixtures.letters(i)).append(";Camille;")
                    .append(String.format("%02d/03/19%02d", 1 + i % 28, 60 + i)).append(";agent").append(i)
                    .append("@dax.example;").append(service).append(';').append(identity).append("40088\r\n");
        }
        ApiClient.Answer dry = hr.send("POST", "/api/v1/local-authorities/" + authority.id() + "/agents/import?dryRun=true",
                "text/csv", file.toString());
        assertEquals(200, dry.status(), dry.body());
        assertEquals(30, dry.json().getInt("created"));
        assertEquals(0, hr.get("/api/v1/local-authorities/" + authority.id() + "/agents").json().getJsonArray("items").size(),
                "a dry run applies nothing");
        ApiClient.Answer imported = hr.send("POST", "/api/v1/local-authorities/" + authority.id() + "/agents/import",
                "text/csv", file.toString());
        assertEquals(200, imported.status(), imported.body());
        assertEquals(30, imported.json().getInt("created"));
        ApiClient.Answer again = hr.send("POST", "/api/v1/local-authorities/" + authority.id() + "/agents/import",
                "text/csv", file.toString());
        assertEquals(30, again.json().getInt("unchanged"), again.body());
        return new Commune(authority.id(), center, hr, tag, numbers);
    }

    @Test
    void aFaultyDirectoryIsRefusedWholeWithEveryProblemOnItsLine() {
        Commune c = commune();
        String file = AGENTS_HEADER + "\r\n"
                + "X1;Durand;Lucie;01/02/1980;lucie@dax.example;" + DRH + ";F;40088;France;40088\r\n"
                + "X1;Durand;Paul;01/02/1981;paul@dax.example;" + DRH + ";M;40088;France;40088\r\n"
                + "X2;Martin;Léa;31/02/1980;pas-une-adresse;Direction inconnue;X;40088;France;40088\r\n"
                + "X3;Lopez;Ana;01/02/1985;ana@dax.example;Direction inconnue;F;40088;France;40088\r\n";
        ApiClient.Answer answer = c.hr().send("POST", "/api/v1/local-authorities/" + c.authority() + "/agents/import",
                "text/csv", file);

        assertEquals(422, answer.status(), answer.body());
        Map<Integer, List<String>> codes = answer.json().getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.groupingBy(e -> e.getInt("line"), Collectors.mapping(e -> e.getString("code"),
                        Collectors.toList())));
        assertEquals(List.of("duplicate_employee_number"), codes.get(3));
        assertTrue(codes.get(4).containsAll(List.of("invalid_date", "invalid_email", "invalid_value")), codes.toString());
        assertEquals(30, c.hr().get("/api/v1/local-authorities/" + c.authority() + "/agents?limit=200").json()
                .getJsonArray("items").size(), "nothing applied");
        ApiClient.Answer unknownService = c.hr().send("POST", "/api/v1/local-authorities/" + c.authority()
                + "/agents/import", "text/csv", AGENTS_HEADER + "\r\nX3;Lopez;Ana;01/02/1985;ana@dax.example;"
                + "Direction inconnue;F;40088;France;40088\r\n");
        assertEquals(422, unknownService.status());
        assertTrue(unknownService.body().contains("unknown_service") && unknownService.body().contains("\"line\":2"),
                unknownService.body());
    }

    @Test
    void aProfilesCollectionReportsLevelsPixAndCertifiability() {
        Commune c = commune();
        String id = c.hr().post("/api/v1/campaigns", Jsons.createObjectBuilder().add("authorityId", c.authority())
                .add("name", "Collecte de profils").add("type", "PROFILES_COLLECTION").add("track", "Cybersécurité")
                .add("startsOn", TestTime.todayInParis().toString()).add("endsOn", TestTime.todayInParis().plusDays(30)
                        .toString()).build()).id();
        c.hr().post("/api/v1/campaigns/" + id + "/open", Jsons.createObjectBuilder().build());
        c.hr().post("/api/v1/campaigns/" + id + "/invitations", Jsons.createObjectBuilder().add("all", true).build());
        String code = c.hr().get("/api/v1/campaigns/" + id).json().getString("code");
        PixOrgaCsv csv = PixOrgaCsv.profiles(code, "Matricule", PixOrgaCsv.COMPETENCES.subList(0, 5));
        for (int i = 0; i < 20; i++) {
            csv.profilesRow(c.numbers().get(i), "Agent-" + c.tag() + "-" + Fixtures.letters(i), "Camille", true, i < 12 ? 2 : 5,
                    i % 2 == 0);
        }
        ApiClient.Answer imported = c.hr().sendBytes("POST", "/api/v1/campaigns/" + id + "/participation", "text/csv",
                csv.bytes());
        assertEquals(20, imported.json().getInt("updated"), imported.body());

        JsonObject all = c.hr().get("/api/v1/campaigns/" + id + "/report").json().getJsonArray("nodes").getJsonObject(0);
        JsonObject results = all.getJsonObject("results");
        assertEquals(20, results.getInt("sharers"));
        assertEquals(50, results.getInt("certifiablePercent"));
        assertEquals(Math.round((12 * 2 * 8 * 5 + 8 * 5 * 8 * 5) / 20.0), results.getInt("meanPix"));
        JsonObject first = results.getJsonArray("competences").getJsonObject(0);
        assertEquals(3.2, first.getJsonNumber("level").doubleValue(), 0.001, "(12 × 2 + 8 × 5) / 20");
        List<JsonObject> levels = first.getJsonArray("levels").getValuesAs(JsonObject.class);
        assertEquals(60, levels.get(1).getInt("percent"), "12 of 20 at levels 2–3");
        assertEquals(40, levels.get(2).getInt("percent"), "8 of 20 at levels 4–5");
        assertTrue(levels.get(0).containsKey("percentWithheld"), "nobody at 0–1: a 0 % share is not given");
    }

    /** An assessment campaign opened, every agent invited, and its Pix Orga export imported. */
    @Nested
    class AnAssessmentCampaign {

        Commune c;
        JsonObject campaign;
        byte[] export;

        @BeforeEach
        void imported() {
            c = commune();
            ApiClient.Answer created = c.hr().post("/api/v1/campaigns", Jsons.createObjectBuilder()
                    .add("authorityId", c.authority()).add("name", "Socle numérique 2027").add("type", "ASSESSMENT")
                    .add("startsOn", TestTime.todayInParis().toString()).add("endsOn", TestTime.todayInParis().plusDays(60)
                            .toString()).build());
            assertEquals(201, created.status(), created.body());
            assertEquals("DRAFT", created.json().getString("status"));
            assertTrue(created.json().getString("code").matches("[ABCDEFGHJKMNPQRSTUVWXYZ]{6}[23456789]{3}"));
            String id = created.id();
            assertEquals(200, c.hr().post("/api/v1/campaigns/" + id + "/open", Jsons.createObjectBuilder().build()).status());
            assertEquals(30, c.hr().post("/api/v1/campaigns/" + id + "/invitations", Jsons.createObjectBuilder()
                    .add("all", true).build()).json().getInt("invited"));
            campaign = c.hr().get("/api/v1/campaigns/" + id).json();
            // DRH: 12 shared, 2 started; Voirie: 11 shared, 1 never started; Espaces verts: 3 shared, 1 never started.
            PixOrgaCsv csv = PixOrgaCsv.assessment(campaign.getString("code"), "Matricule", PixOrgaCsv.COMPETENCES);
            for (int i = 0; i < 30; i++) {
                if (i == 25 || i == 29) {
                    continue;
                }
                boolean shared = i != 12 && i != 13;
                csv.assessmentRow(c.numbers().get(i), "Agent-" + c.tag() + "-" + Fixtures.letters(i), "Camille",
                        shared ? 1 : 0.4, shared, 0.1 + (i % 9) / 10.0);
            }
            csv.assessmentRow("INCONNU-1", "Inconnue", "Personne", 1, true, 0.5);
            export = csv.bytes();
            ApiClient.Answer participation = c.hr().sendBytes("POST", "/api/v1/campaigns/" + id + "/participation",
                    "text/csv", export);
            assertEquals(200, participation.status(), participation.body());
            assertEquals(28, participation.json().getInt("updated"), participation.body());
            assertEquals(1, participation.json().getJsonArray("unmatched").size());
            assertEquals(30, participation.json().getJsonArray("unmatched").getJsonObject(0).getInt("line"), "header, 28 agents, then the unknown row");
        }

        String id() {
            return campaign.getString("id");
        }

        @Test
        void theSameExportAgainChangesNothing() {
            ApiClient.Answer again = c.hr().sendBytes("POST", "/api/v1/campaigns/" + id() + "/participation", "text/csv",
                    export);
            assertEquals(200, again.status(), again.body());
            assertEquals(0, again.json().getInt("updated"));
            assertEquals(28, again.json().getInt("unchanged"));
        }

        @Test
        void anotherCampaignsExportIsRefusedByItsCode() {
            byte[] other = PixOrgaCsv.assessment("ZZZZZZ999", "Matricule", PixOrgaCsv.COMPETENCES.subList(0, 5))
                    .assessmentRow(c.numbers().getFirst(), "X", "Y", 1, true, 0.5).bytes();
            ApiClient.Answer refused = c.hr().sendBytes("POST", "/api/v1/campaigns/" + id() + "/participation", "text/csv",
                    other);
            assertEquals(422, refused.status(), refused.body());
            assertTrue(refused.body().contains("other_campaign"), refused.body());
        }

        @Test
        void anAgentsResultsAreShownOnlyOnceShared() {
            List<JsonObject> participants = c.hr().get("/api/v1/campaigns/" + id() + "/participants").json()
                    .getJsonArray("items").getValuesAs(JsonObject.class);
            assertEquals(30, participants.size());
            JsonObject started = participants.stream().filter(p -> p.getString("employeeNumber")
                    .equals(c.numbers().get(12))).findFirst().orElseThrow();
            assertEquals("STARTED", started.getString("status"));
            assertEquals(40, started.getInt("progressionPercent"));
            assertFalse(started.containsKey("results"), "not shared: no results");
            JsonObject shared = participants.stream().filter(p -> p.getString("employeeNumber")
                    .equals(c.numbers().get(1))).findFirst().orElseThrow();
            assertEquals("SHARED", shared.getString("status"));
            assertEquals(20, shared.getJsonObject("results").getInt("masteryPercent"));
            assertEquals(16, shared.getJsonObject("results").getJsonArray("competences").size());
            JsonObject never = participants.stream().filter(p -> p.getString("employeeNumber")
                    .equals(c.numbers().get(25))).findFirst().orElseThrow();
            assertEquals("NOT_STARTED", never.getString("status"));
        }

        @Test
        void theReportPublishesOnlyGroupsOfElevenAndHidesWhatSubtractionWouldReveal() {
            JsonObject report = c.hr().get("/api/v1/campaigns/" + id() + "/report").json();
            Map<String, JsonObject> byPath = report.getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                    .collect(Collectors.toMap(n -> n.getString("path"), n -> n));
            assertTrue(report.getString("notice").contains("pas un échantillon représentatif")
                    || report.getString("notice").contains("échantillon représentatif"));
            JsonObject all = byPath.get("Toute la campagne");
            assertEquals(26, all.getJsonObject("results").getInt("sharers"));
            assertEquals(30, all.getJsonObject("turnout").getInt("invited"));
            assertEquals(28, all.getJsonObject("turnout").getInt("started"));
            assertEquals(16, all.getJsonObject("results").getJsonArray("competences").size());
            assertEquals(12, byPath.get(DRH).getJsonObject("results").getInt("sharers"));
            assertEquals(14, byPath.get("Direction des services techniques").getJsonObject("results").getInt("sharers"));
            JsonObject small = byPath.get(ESPACES_VERTS);
            assertTrue(small.getJsonObject("results").getString("withheld").startsWith("Moins de 11"), small.toString());
            assertTrue(small.getJsonObject("turnout").containsKey("withheld"), "4 invited: no participation figures");
            JsonObject voirie = byPath.get(VOIRIE);
            assertTrue(voirie.getJsonObject("results").getString("withheld").contains("déduit"),
                    "11 sharers, but beside a withheld sibling under a published parent: " + voirie);
            for (JsonValue band : all.getJsonObject("results").getJsonArray("masteryBands")) {
                JsonObject b = band.asJsonObject();
                assertTrue(b.containsKey("percent") ? b.getInt("percent") > 0 && b.getInt("percent") < 100
                        : b.containsKey("percentWithheld"), b.toString());
            }
            String csv = new String(c.hr().download("/api/v1/campaigns/" + id() + "/report.csv").body(),
                    StandardCharsets.UTF_8);
            assertTrue(csv.contains(ESPACES_VERTS + ";Résultats;;Moins de 11"), csv);
            ApiClient.Download pdf = c.hr().download("/api/v1/campaigns/" + id() + "/report.pdf");
            assertEquals("application/pdf", pdf.contentType());
            String text = Documents.pdfText(pdf.body());
            assertTrue(text.contains("Rapport de campagne") && text.contains("échantillon représentatif")
                    && text.contains("Moins de 11 personnes") && text.contains("Répartition des 26 agents"), text);
        }

        @Test
        void agentsAreInvitedOnceThenRemindedIfTheyHaveNotStartedAndNothingGoesOnceClosed() throws Exception {
            Notifications outbox = TestDatabase.get().application().notifications();
            Instant now = TestTime.clock().instant();
            outbox.planCampaignMessages(now);
            outbox.planCampaignMessages(now);
            assertEquals(30L, Db.count("SELECT count(*) AS n FROM notifications WHERE subject_id = ? AND kind = "
                    + "'CAMPAIGN_INVITATION'", UUID.fromString(id())), "one invitation per agent, planned once");
            outbox.deliver(TestTime.noonInParis());
            String invitation = Db.execute().get("SELECT n.id::text AS id FROM notifications n JOIN agents g ON g.id = n.agent_id "
                    + "WHERE n.subject_id = ? AND g.employee_number = ? AND n.status = 'SENT'", UUID.fromString(id()),
                    c.numbers().get(25)).map(r -> r.column("id").get(String.class)).orElseThrow();
            var mail = Mails.read(Outbox.file(invitation, "email.eml"));
            String text = Mails.text(mail);
            assertTrue(mail.getSubject().contains("vous invite à évaluer vos compétences numériques"), mail.getSubject());
            assertTrue(text.contains(campaign.getString("code")) && text.contains("Socle numérique 2027"), text);
            assertEquals("agent25@dax.example", mail.getAllRecipients()[0].toString());
            ApiClient.Answer outboxList = admin.get("/api/v1/notifications?limit=200");
            assertEquals(200, outboxList.status(), "the outbox lists agents' messages too: " + outboxList.body());
            assertTrue(outboxList.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                    .anyMatch(n -> id().equals(n.getString("campaignId", ""))), "to an agent, about the campaign");

            // Eight days later, only the two agents who never started are reminded.
            Db.execute().dml("UPDATE campaign_participants SET invited_at = invited_at - interval '8 days' WHERE campaign_id = ?",
                    UUID.fromString(id()));
            outbox.planCampaignMessages(now);
            List<String> reminded = Db.execute().query("SELECT g.employee_number FROM notifications n JOIN agents g "
                    + "ON g.id = n.agent_id WHERE n.subject_id = ? AND n.kind = 'CAMPAIGN_REMINDER' ORDER BY 1",
                    UUID.fromString(id())).map(r -> r.column("employee_number").get(String.class)).toList();
            assertEquals(List.of(c.numbers().get(25), c.numbers().get(29)).stream().sorted().toList(), reminded);

            // Closed before the reminders go: they are dropped, with the reason.
            assertEquals(200, c.hr().post("/api/v1/campaigns/" + id() + "/close", Jsons.createObjectBuilder().build())
                    .status());
            outbox.deliver(TestTime.noonInParis());
            assertEquals(List.of("CANCELLED"), Db.execute().query("SELECT DISTINCT status FROM notifications "
                    + "WHERE subject_id = ? AND kind = 'CAMPAIGN_REMINDER'", UUID.fromString(id()))
                    .map(r -> r.column("status").get(String.class)).toList());
        }

        @Test
        void nobodyElseSeesTheCampaign() {
            Commune other = commune();
            ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", c.center()));
            for (ApiClient outsider : List.of(other.hr(), staff)) {
                for (String path : List.of("", "/participants", "/report", "/report.csv")) {
                    assertEquals(404, outsider.get("/api/v1/campaigns/" + id() + path).status(), path);
                }
                assertEquals(404, outsider.get("/api/v1/local-authorities/" + c.authority()).status());
                assertEquals(404, outsider.get("/api/v1/local-authorities/" + c.authority() + "/agents").status());
            }
            assertTrue(other.hr().get("/api/v1/campaigns").json().getJsonArray("items").stream()
                    .noneMatch(v -> v.asJsonObject().getString("id").equals(id())));
        }

        @Test
        void tenAgentsAreSentToAPartnerCentresSessionAndConvoked() {
            String session = fixtures.session(fixtures.room(fixtures.site(c.center()), 20),
                    TestTime.todayInParis().plusDays(30), "09:00");
            List<String> agents = c.hr().get("/api/v1/campaigns/" + id() + "/participants").json().getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream().filter(p -> p.getString("status").equals("SHARED"))
                    .map(p -> p.getString("agentId")).limit(10).toList();
            ApiClient.Answer sent = c.hr().post("/api/v1/campaigns/" + id() + "/certifications", Jsons.createObjectBuilder()
                    .add("sessionId", session).add("agentIds", Jsons.createArrayBuilder(agents)).build());

            assertEquals(200, sent.status(), sent.body());
            assertEquals(10, sent.json().getInt("enrolled"), sent.body());
            assertEquals(10L, Db.count("SELECT count(*) AS n FROM enrolments WHERE session_id = ? AND origin = 'CAMPAIGN' "
                    + "AND origin_reference = ?", UUID.fromString(session), id()));
            assertEquals(10, admin.get("/api/v1/sessions/" + session).json().getInt("seatsTaken"));
            List<JsonObject> followed = c.hr().get("/api/v1/campaigns/" + id() + "/participants").json().getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream().filter(p -> p.containsKey("certification")).toList();
            assertEquals(10, followed.size(), "HR follow each agent sent");
            assertTrue(followed.stream().allMatch(p -> p.getJsonObject("certification").getString("enrolmentStatus")
                    .equals("ENROLLED") && !p.getJsonObject("certification").containsKey("score")), "no result yet");
            assertEquals(0L, Db.count("SELECT count(*) AS n FROM people p JOIN agents g ON g.identity_key = p.identity_key "
                    + "WHERE p.owner_id <> ? AND g.authority_id = ? AND p.owner_id <> ?", UUID.fromString(c.center()),
                    UUID.fromString(c.authority()), UUID.fromString(c.center())), "the centre's own records, nobody else's");
            ApiClient.Answer incomplete = c.hr().post("/api/v1/campaigns/" + id() + "/certifications",
                    Jsons.createObjectBuilder().add("sessionId", session).add("agentIds", Jsons.createArrayBuilder()
                            .add(agentOf(c.numbers().get(25)))).build());
            assertEquals(1, incomplete.json().getInt("refused"), incomplete.body());
            assertTrue(incomplete.body().contains("lieu de naissance"), incomplete.body());
            String otherCentre = fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 20),
                    TestTime.todayInParis().plusDays(30), "09:00");
            assertEquals(422, c.hr().post("/api/v1/campaigns/" + id() + "/certifications", Jsons.createObjectBuilder()
                    .add("sessionId", otherCentre).add("agentIds", Jsons.createArrayBuilder(agents)).build()).status(),
                    "a centre the commune does not work with");
        }

        private String agentOf(String number) {
            return c.hr().get("/api/v1/campaigns/" + id() + "/participants").json().getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream().filter(p -> p.getString("employeeNumber").equals(number))
                    .findFirst().orElseThrow().getString("agentId");
        }
    }
}
