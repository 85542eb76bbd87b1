package fr.jalon.web;

import java.net.URI;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.ResultsCsv;
import fr.jalon.testing.TestTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff run a session day from the console — check-in, a candidate's report, an incident,
 * finalization with its broken rules in place — then import the results, hand out and revoke
 * attestations, and print the session's documents.
 */
@HttpTest
class SessionDayPagesHttpTest {

    private static final Pattern CODE = Pattern.compile("/verify/([A-Z0-9-]+)\">");

    private final URI server;
    private final ApiClient admin;
    private final Fixtures fixtures;

    SessionDayPagesHttpTest(URI server, ApiClient admin, Fixtures fixtures) {
        this.server = server;
        this.admin = admin;
        this.fixtures = fixtures;
    }

    private String statusOf(String enrolment) {
        return admin.get("/api/v1/enrolments/" + enrolment).json().getString("status");
    }

    @Test
    void staffCheckInReportFinalizeImportResultsAndRevokeAnAttestation() {
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 10), TestTime.todayInParis().plusDays(20),
                "09:00");
        String tag = Fixtures.uniqueLetters();
        String anne = fixtures.enrol(session, "Anne-" + tag, "Anne", "1980-04-02");
        String bruno = fixtures.enrol(session, "Bruno-" + tag, "Bruno", "1975-11-30");
        String chloe = fixtures.enrol(session, "Chloe-" + tag, "Chloé", "2001-01-15");
        Fixtures.startedAnHourAgo(session);
        ConsoleClient staff = new ConsoleClient(server);
        staff.signIn(ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", center), ConsoleHttpTest.PASSWORD);
        String day = "/console/sessions/" + session + "/jour";

        ConsoleClient.Page sheet = staff.get(day);
        assertEquals(200, sheet.status());
        assertTrue(sheet.body().contains("id=\"c-" + anne + "\"") && sheet.body().contains("id=\"c-" + chloe + "\""));
        String csrf = sheet.csrf();
        ConsoleClient.Page early = staff.post("/console/sessions/" + session + "/finalisation", Map.of("csrf", csrf));
        assertEquals(422, early.status(), early.body());
        assertTrue(early.body().contains("3 candidat(s) sans présence notée"), early.body());
        assertEquals("SCHEDULED", admin.get("/api/v1/sessions/" + session).json().getString("status"));

        ConsoleClient.Page present = staff.post(day + "/" + anne + "/presence", Map.of("csrf", csrf, "statut", "PRESENT"));
        assertEquals(303, present.status(), present.body());
        assertEquals(day + "?fait=presence#c-" + anne, present.header("Location").orElseThrow());
        assertEquals(303, staff.post(day + "/" + bruno + "/presence", Map.of("csrf", csrf, "statut", "ABSENT")).status());
        assertEquals(303, staff.post(day + "/" + chloe + "/presence", Map.of("csrf", csrf, "statut", "EXCUSED")).status());
        assertEquals("PRESENT", statusOf(anne));
        assertEquals("ABSENT", statusOf(bruno));
        assertEquals("EXCUSED", statusOf(chloe));
        assertTrue(staff.get(day).body().contains("value=\"PRESENT\" class=\"bouton bouton-presence\" aria-pressed=\"true\""));

        LocalTime start = LocalTime.parse(admin.get("/api/v1/sessions/" + session).json().getString("startTime"));
        // Ten minutes late, without passing midnight when the test runs late in the evening.
        String late = (start.isAfter(LocalTime.of(23, 48)) ? LocalTime.of(23, 59) : start.plusMinutes(10)).toString();
        ConsoleClient.Page reported = staff.post(day + "/" + anne + "/deroule", Map.of("csrf", csrf, "termine", "non",
                "arrivee", late, "commentaire", "Arrivée essoufflée"));
        assertEquals(303, reported.status(), reported.body());
        ConsoleClient.Page unexplained = staff.post("/console/sessions/" + session + "/finalisation", Map.of("csrf", csrf));
        assertEquals(422, unexplained.status());
        assertTrue(unexplained.body().contains("id=\"erreur-" + anne + "\">Test non terminé sans raison d&#39;abandon"),
                "the broken rule sits on Anne's line: " + unexplained.body());
        assertEquals(303, staff.post(day + "/" + anne + "/deroule", Map.of("csrf", csrf, "termine", "non", "motif",
                "technical", "arrivee", late)).status());
        ConsoleClient.Page wrongTime = staff.post(day + "/" + anne + "/deroule", Map.of("csrf", csrf, "arrivee", "25:99"));
        assertEquals(422, wrongTime.status());
        assertTrue(wrongTime.body().contains("id=\"erreur-" + anne + "\""), wrongTime.body());

        ConsoleClient.Page noQuestion = staff.post(day + "/incidents", Map.of("csrf", csrf, "candidat", anne, "nature",
                "IN_CHALLENGE:IMAGE_NOT_DISPLAYING"));
        assertEquals(422, noQuestion.status());
        assertTrue(noQuestion.body().contains("id=\"erreur-incident\""), noQuestion.body());
        assertEquals(303, staff.post(day + "/incidents", Map.of("csrf", csrf, "candidat", anne, "nature",
                "IN_CHALLENGE:IMAGE_NOT_DISPLAYING", "question", "12")).status());
        String withIncident = staff.get(day).body();
        assertTrue(withIncident.contains("Problème sur une question</td><td>12</td>"), withIncident);
        Matcher remove = Pattern.compile("/jour/incidents/([0-9a-f-]{36})/supprimer").matcher(withIncident);
        assertTrue(remove.find());
        assertEquals(303, staff.post(day + "/incidents/" + remove.group(1) + "/supprimer", Map.of("csrf", csrf)).status());
        assertTrue(staff.get(day).body().contains("Aucun incident signalé."));

        ConsoleClient.Page finalized = staff.post("/console/sessions/" + session + "/finalisation", Map.of("csrf", csrf,
                "commentaire", "Coupure réseau à 10 h", "incident", "oui"));
        assertEquals(303, finalized.status(), finalized.body());
        assertEquals("FINALIZED", admin.get("/api/v1/sessions/" + session).json().getString("status"));
        String closed = staff.get(day + "?fait=finalisee").body();
        assertTrue(closed.contains("La session est finalisée") && !closed.contains("/presence\""), closed);

        String results = "/console/sessions/" + session + "/resultats";
        long pixSession = 500_000 + ThreadLocalRandom.current().nextInt(400_000);
        String number = ResultsCsv.newNumber();
        ResultsCsv broken = ResultsCsv.v2026().row(number, "Anne", "Anne-" + tag, "02/04/1980", "Peut-être", "412",
                ResultsCsv.levels(3), "", "RAS", pixSession);
        ConsoleClient.Page refused = staff.upload(results, Map.of("csrf", csrf), "resultats.csv", broken.bytes());
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("Rapport ligne par ligne") && refused.body().contains("<tr><td>2</td>"),
                "the report names line 2: " + refused.body());
        assertEquals(0, admin.get("/api/v1/sessions/" + session + "/results").json().getJsonArray("items").size(),
                "nothing applied");
        assertEquals(403, staff.upload(results, Map.of("csrf", "jal_forged"), "resultats.csv", broken.bytes()).status());

        ResultsCsv file = ResultsCsv.v2026().row(number, "Anne", "Anne-" + tag, "02/04/1980", "Validée", "412",
                ResultsCsv.levels(3), "", "RAS", pixSession);
        ConsoleClient.Page imported = staff.upload(results, Map.of("csrf", csrf), "resultats.csv", file.bytes());
        assertEquals(303, imported.status(), imported.body());
        String page = staff.get(imported.header("Location").orElseThrow()).body();
        assertTrue(page.contains("1 ligne(s) lue(s), 1 nouveau(x)"), page);
        assertTrue(page.contains("412 / "), "the score is shown: " + page);

        ConsoleClient.Page pdf = staff.get("/console/inscriptions/" + anne + "/attestation.pdf");
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.header("Content-Type").orElseThrow());
        assertTrue(pdf.body().startsWith("%PDF-"));
        for (String document : new String[] {"kit.pdf", "emargement.pdf", "attestations.pdf"}) {
            ConsoleClient.Page printed = staff.get("/console/sessions/" + session + "/documents/" + document);
            assertEquals(200, printed.status(), document);
            assertTrue(printed.body().startsWith("%PDF-"), document);
        }
        ConsoleClient.Page zip = staff.get("/console/sessions/" + session + "/documents/attestations.zip");
        assertEquals(200, zip.status());
        assertEquals("application/zip", zip.header("Content-Type").orElseThrow());
        assertEquals(404, staff.get("/console/sessions/" + session + "/documents/secret.txt").status());

        Matcher code = CODE.matcher(staff.get(results).body());
        assertTrue(code.find(), "the attestation issued is listed");
        ConsoleClient.Page noReason = staff.post(results.replace("/resultats", "/attestations/" + code.group(1)
                + "/revoquer"), Map.of("csrf", csrf, "motif", ""));
        assertEquals(422, noReason.status(), noReason.body());
        ConsoleClient.Page revoked = staff.post(results.replace("/resultats", "/attestations/" + code.group(1)
                + "/revoquer"), Map.of("csrf", csrf, "motif", "Erreur de saisie du nom"));
        assertEquals(303, revoked.status(), revoked.body());
        assertTrue(staff.get(results).body().contains("révoquée : Erreur de saisie du nom"));
        assertFalse(admin.get("/api/v1/public/attestations/" + code.group(1)).json().getBoolean("valid"));
    }

    @Test
    void anotherCentresStaffSeeAndChangeNothing() {
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 10), TestTime.todayInParis().plusDays(20),
                "09:00");
        String anne = fixtures.enrol(session, "Anne-" + Fixtures.uniqueLetters(), "Anne", "1980-04-02");
        Fixtures.startedAnHourAgo(session);
        ConsoleClient outsider = new ConsoleClient(server);
        outsider.signIn(ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", fixtures.center()),
                ConsoleHttpTest.PASSWORD);
        String csrf = outsider.get("/console").csrf();
        assertEquals(404, outsider.get("/console/sessions/" + session + "/jour").status());
        assertEquals(404, outsider.get("/console/sessions/" + session + "/resultats").status());
        assertEquals(404, outsider.post("/console/sessions/" + session + "/jour/" + anne + "/presence", Map.of("csrf", csrf,
                "statut", "PRESENT")).status());
        assertEquals(404, outsider.get("/console/inscriptions/" + anne + "/attestation.pdf").status());
        assertEquals(404, outsider.get("/console/sessions/" + session + "/documents/kit.pdf").status());
        assertEquals(404, outsider.post("/console/sessions/" + session + "/finalisation", Map.of("csrf", csrf)).status());
        assertEquals(404, outsider.get("/console/sessions/" + UUID.randomUUID() + "/jour").status());
        assertEquals("ENROLLED", admin.get("/api/v1/enrolments/" + anne).json().getString("status"));
    }
}
