package fr.jalon.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.PixOrgaCsv;
import fr.jalon.testing.TestTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HR run a campaign from the console: services and the agent directory, a campaign invited and
 * opened, the Pix Orga export, the collective report with its charts and withheld figures, and
 * agents sent to a partner centre's session.
 */
@HttpTest
class CampaignPagesHttpTest {

    private static final String AGENTS_HEADER = "Matricule;Nom de naissance;Prénom;Date de naissance (JJ/MM/AAAA);"
            + "E-mail professionnel;Service;Sexe (M ou F);Code INSEE de la commune de naissance;Pays de naissance;"
            + "Commune de résidence (code INSEE)";
    private static final String DRH = "Direction des ressources humaines";
    private static final String VOIRIE = "Direction des services techniques / Voirie";
    private static final Pattern CAMPAIGN = Pattern.compile("/console/campagnes/([0-9a-f-]{36})\\?fait=creee");

    private final URI server;
    private final ApiClient admin;
    private final Fixtures fixtures;

    CampaignPagesHttpTest(URI server, ApiClient admin, Fixtures fixtures) {
        this.server = server;
        this.admin = admin;
        this.fixtures = fixtures;
    }

    private static String hidden(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertTrue(m.find(), name + " in " + page);
        return m.group(1);
    }

    @Test
    void hrImportTheirAgentsRunACampaignReadTheReportAndSendAgentsToCertification() {
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 20), TestTime.todayInParis().plusDays(20),
                "09:00");
        String authority = admin.post("/api/v1/local-authorities", Jsons.createObjectBuilder()
                .add("name", Fixtures.unique("Commune de Dax")).add("kind", "COMMUNE").add("siren", "214 000 887")
                .add("territoryCode", "40088").add("centerIds", Jsons.createArrayBuilder().add(center)).build()).id();
        ConsoleClient hr = new ConsoleClient(server);
        hr.signIn(ConsoleHttpTest.account(admin, "HR", "authorityId", authority), ConsoleHttpTest.PASSWORD);
        String csrf = hr.get("/console/agents").csrf();

        assertEquals(422, hr.post("/console/agents/services", Map.of("csrf", csrf, "collectivite", authority, "chemin", ""))
                .status());
        for (String path : List.of(DRH, VOIRIE)) {
            assertEquals(303, hr.post("/console/agents/services", Map.of("csrf", csrf, "collectivite", authority,
                    "chemin", path)).status());
        }
        String tag = Fixtures.uniqueLetters();
        List<String> numbers = new ArrayList<>();
        StringBuilder file = new StringBuilder("\uFEFF").append(AGENTS_HEADER).append("\r\n");
        for (int i = 0; i < 24; i++) {
            String number = "M" + tag.toUpperCase() + i;
            numbers.add(number);
            // Agent 23 lacks what certification needs (sex, birthplace).
            String identity = i == 23 ? ";;;" : (i % 2 == 0 ? "F" : "M") + ";40088;France;";
            file.append(number).append(";Agent-").append(tag).append('-').append(Fixtures.letters(i)).append(";Camille;")
                    .append(String.format("%02d/03/19%02d", 1 + i % 28, 60 + i)).append(";agent").append(i)
                    .append("@dax.example;").append(i < 20 ? DRH : VOIRIE).append(';').append(identity).append("40088\r\n");
        }
        ConsoleClient.Page checked = hr.upload("/console/agents/import", Map.of("csrf", csrf, "collectivite", authority,
                "etape", "verifier"), "agents.csv", file.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(200, checked.status(), checked.body());
        assertTrue(checked.body().contains("24 agent(s) nouveau(x)"), checked.body());
        assertTrue(hr.get("/console/agents").body().contains("Aucun agent."), "a check applies nothing");
        ConsoleClient.Page applied = hr.upload("/console/agents/import", Map.of("csrf", csrf, "collectivite", authority,
                "etape", "appliquer", "contenu", hidden(checked.body(), "contenu")), "", new byte[0]);
        assertTrue(applied.body().contains("L&#39;annuaire est importé.") || applied.body().contains("L'annuaire est importé."),
                applied.body());
        assertTrue(hr.get("/console/agents").body().contains(numbers.getFirst()));

        ConsoleClient.Page form = hr.get("/console/campagnes/nouvelle");
        Map<String, String> campaign = new LinkedHashMap<>(Map.of("csrf", csrf, "collectivite", authority, "nom",
                "Compétences 2027", "parcours", "Socle commun", "type", "ASSESSMENT", "libelleId", "Matricule", "debut",
                TestTime.todayInParis().toString(), "fin", TestTime.todayInParis().minusDays(1).toString()));
        assertEquals(200, form.status());
        ConsoleClient.Page backwards = hr.post("/console/campagnes", campaign);
        assertEquals(422, backwards.status(), backwards.body());
        assertTrue(backwards.body().contains("id=\"erreur-fin\""), backwards.body());
        campaign.put("fin", TestTime.todayInParis().plusDays(40).toString());
        ConsoleClient.Page created = hr.post("/console/campagnes", campaign);
        assertEquals(303, created.status(), created.body());
        Matcher m = CAMPAIGN.matcher(created.header("Location").orElseThrow());
        assertTrue(m.find());
        String id = m.group(1);
        String page = "/console/campagnes/" + id;

        assertEquals(422, hr.post(page + "/invitations", Map.of("csrf", csrf)).status(), "nobody chosen");
        ConsoleClient.Page invited = hr.post(page + "/invitations", Map.of("csrf", csrf, "tous", "oui"));
        assertEquals(303, invited.status());
        assertTrue(hr.get(invited.header("Location").orElseThrow()).body().contains("24 agent(s) invité(s) en plus."));
        assertEquals(303, hr.post(page + "/statut", Map.of("csrf", csrf, "action", "open")).status());
        assertEquals("OPEN", admin.get("/api/v1/campaigns/" + id).json().getString("status"));
        assertEquals(409, hr.post(page + "/statut", Map.of("csrf", csrf, "action", "archive")).status(),
                "an open campaign is closed before it is archived");

        String code = admin.get("/api/v1/campaigns/" + id).json().getString("code");
        PixOrgaCsv export = PixOrgaCsv.assessment(code, "Matricule", PixOrgaCsv.COMPETENCES);
        for (int i = 0; i < 24; i++) {
            export.assessmentRow(numbers.get(i), "Agent-" + tag + "-" + Fixtures.letters(i), "Camille", 1, true,
                    0.1 + (i % 9) / 10.0);
        }
        export.assessmentRow("INCONNU-1", "Inconnue", "Personne", 1, true, 0.5);
        ConsoleClient.Page participation = hr.upload(page + "/participation", Map.of("csrf", csrf), "export.csv",
                export.bytes());
        assertEquals(200, participation.status(), participation.body());
        assertTrue(participation.body().contains("Lignes sans agent invité correspondant")
                && participation.body().contains("INCONNU-1"), participation.body());

        ConsoleClient.Page report = hr.get(page + "/rapport");
        assertEquals(200, report.status());
        assertTrue(report.body().contains("Toute la collectivité") && report.body().contains("<svg class=\"graphique\""),
                report.body());
        int voirie = report.body().indexOf("<h2 id=\"noeud-");
        assertTrue(report.body().substring(voirie).contains("Résultats non publiés"),
                "Voirie's 4 agents are fewer than the threshold: " + report.body());
        ConsoleClient.Page pdf = hr.get(page + "/rapport.pdf");
        assertEquals(200, pdf.status());
        assertTrue(pdf.body().startsWith("%PDF-"));

        String campaignPage = hr.get(page).body();
        String ready = agentId(campaignPage, numbers.get(0));
        String incomplete = agentId(campaignPage, numbers.get(23));
        assertTrue(campaignPage.contains("<option value=\"" + session + "\""), "the partner centre's session is offered");
        List<Map.Entry<String, String>> chosen = List.of(Map.entry("csrf", csrf), Map.entry("session", session),
                Map.entry("agent", ready), Map.entry("agent", incomplete));
        ConsoleClient.Page sent = hr.postFields(page + "/certifications", chosen);
        assertEquals(200, sent.status(), sent.body());
        assertTrue(sent.body().contains("1 agent(s) inscrit(s), 1 non inscrit(s)"), sent.body());
        assertTrue(sent.body().contains("Agents non inscrits et pourquoi"), sent.body());
        assertEquals(1, admin.get("/api/v1/sessions/" + session + "/enrolments").json().getJsonArray("items").size());

        ConsoleClient other = new ConsoleClient(server);
        String otherAuthority = admin.post("/api/v1/local-authorities", Jsons.createObjectBuilder()
                .add("name", Fixtures.unique("Commune de Tarnos")).add("kind", "COMMUNE").add("siren", "214000887")
                .build()).id();
        other.signIn(ConsoleHttpTest.account(admin, "HR", "authorityId", otherAuthority), ConsoleHttpTest.PASSWORD);
        assertEquals(404, other.get(page).status());
        assertEquals(404, other.get(page + "/rapport").status());
        assertFalse(other.get("/console/campagnes").body().contains(id));
        assertEquals(404, other.post(page + "/statut", Map.of("csrf", other.get("/console").csrf(), "action", "close"))
                .status());
    }

    /** The participant's agent id, read from the checkbox on their line. */
    private static String agentId(String page, String employeeNumber) {
        Matcher row = Pattern.compile("name=\"agent\" value=\"([0-9a-f-]{36})\"[^>]*></td><td>" + employeeNumber + "</td>")
                .matcher(page);
        assertTrue(row.find(), employeeNumber + " in " + page);
        return row.group(1);
    }
}
