package fr.jalon.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff schedule a session from the console, and import a Pix Certif file: checked first, applied on confirmation. */
@HttpTest
class PlanningPagesHttpTest {

    /** The Pix Certif mass-import header (current layout). */
    private static final String HEADER = "Numéro de session préexistante;* Nom du site;* Nom de la salle;"
            + "* Date de début (format: JJ/MM/AAAA);* Heure de début (heure locale format: HH:MM);* Surveillant(s);"
            + "Observations (optionnel);* Nom de naissance;* Prénom;* Date de naissance (format: JJ/MM/AAAA);"
            + "* Sexe (M ou F);Code INSEE de la commune de naissance;Code postal de la commune de naissance;"
            + "Nom de la commune de naissance;* Pays de naissance;"
            + "E-mail du destinataire des résultats (formateur, enseignant…);E-mail de convocation;Identifiant externe;"
            + "Temps majoré ? (exemple format: 33%);* Tarification part Pix (Gratuite, Prépayée ou Payante);"
            + "Code de prépaiement (si Tarification part Pix Prépayée);CléA Numérique ('oui' ou laisser vide)";

    private final URI server;
    private final ApiClient admin;
    private final Fixtures fixtures;

    PlanningPagesHttpTest(URI server, ApiClient admin, Fixtures fixtures) {
        this.server = server;
        this.admin = admin;
        this.fixtures = fixtures;
    }

    private long sessionsOn(String center, LocalDate day) {
        return admin.get("/api/v1/sessions?center=" + center + "&from=" + day + "&to=" + day).json()
                .getJsonArray("items").size();
    }

    @Test
    void staffScheduleASessionWithEveryMistakeShownInPlace() {
        String center = fixtures.center();
        String room = fixtures.room(fixtures.site(center), 12);
        ConsoleClient staff = new ConsoleClient(server);
        staff.signIn(ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", center), ConsoleHttpTest.PASSWORD);
        ConsoleClient.Page form = staff.get("/console/sessions/nouvelle");
        assertEquals(200, form.status());
        assertTrue(form.body().contains("<option value=\"" + room + "\""), "the centre's rooms are proposed");
        LocalDate day = TestTime.todayInParis().plusDays(40);

        ConsoleClient.Page wrong = staff.post("/console/sessions", Map.of("csrf", form.csrf(), "salle", "", "date",
                day.toString(), "heure", "09:30", "duree", "une heure"));
        assertEquals(422, wrong.status());
        assertTrue(wrong.body().contains("id=\"erreur-duree\""), wrong.body());
        ConsoleClient.Page noRoom = staff.post("/console/sessions", Map.of("csrf", form.csrf(), "salle", "", "date",
                day.toString(), "heure", "09:30", "duree", "105"));
        assertEquals(422, noRoom.status());
        assertTrue(noRoom.body().contains("id=\"erreur-salle\""), noRoom.body());
        assertEquals(0, sessionsOn(center, day));

        ConsoleClient.Page created = staff.post("/console/sessions", Map.of("csrf", form.csrf(), "salle", room, "date",
                day.toString(), "heure", "09:30", "duree", "105", "capacite", "10", "type", "PIX", "description", "Accès PMR"));
        assertEquals(303, created.status(), created.body());
        String page = staff.get(created.header("Location").orElseThrow()).body();
        assertTrue(page.contains("La session est programmée"), page);
        assertEquals(1, sessionsOn(center, day));
        ConsoleClient.Page twice = staff.post("/console/sessions", Map.of("csrf", form.csrf(), "salle", room, "date",
                day.toString(), "heure", "10:00", "duree", "105"));
        assertEquals(409, twice.status(), "the room is taken: " + twice.body());
        assertTrue(twice.body().contains("role=\"alert\""));
        assertEquals(1, sessionsOn(center, day));
    }

    @Test
    void aPixFileIsCheckedFirstThenAppliedWithoutChoosingItAgain() {
        String center = fixtures.center();
        String siteName = Fixtures.unique("Maison du numérique");
        String site = admin.post("/api/v1/centers/" + center + "/sites", Fixtures.siteBody(siteName).build()).id();
        admin.post("/api/v1/sites/" + site + "/rooms", Fixtures.roomBody("Salle Adour", 12).build());
        LocalDate day = TestTime.todayInParis().plusDays(45);
        String date = day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String tag = Fixtures.uniqueLetters();
        String line = ";" + siteName + ";Salle Adour;" + date + ";09:30;Marie Lafitte;;";
        String good = "\uFEFF" + HEADER + "\r\n"
                + line + "Darrigrand-" + tag + ";Maïté;12/04/1988;F;40192;;;France;;;;;Gratuite;;\r\n"
                + line + "Lalanne-" + tag + ";Pierre;03/07/1961;M;40088;;;France;;;;;Gratuite;;\r\n";
        ConsoleClient staff = new ConsoleClient(server);
        staff.signIn(ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", center), ConsoleHttpTest.PASSWORD);
        String csrf = staff.get("/console/sessions/import").csrf();

        ConsoleClient.Page faulty = staff.upload("/console/sessions/import", Map.of("csrf", csrf, "etape", "verifier"),
                "pix.csv", (HEADER + "\r\n" + line + "Sans-Prenom;;12/04/1988;F;40192;;;France;;;;;Gratuite;;\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(422, faulty.status(), faulty.body());
        assertTrue(faulty.body().contains("Rapport ligne par ligne") && faulty.body().contains("<tr><td>2</td>"),
                faulty.body());

        ConsoleClient.Page checked = staff.upload("/console/sessions/import", Map.of("csrf", csrf, "etape", "verifier"),
                "pix.csv", good.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, checked.status(), checked.body());
        assertTrue(checked.body().contains("Ce que l&#39;import ferait") || checked.body().contains("Ce que l'import ferait"),
                checked.body());
        assertTrue(checked.body().contains("2 ligne(s) de candidats lue(s)"), checked.body());
        assertTrue(checked.body().contains("Sessions : 1 créée(s)"), checked.body());
        assertEquals(0, sessionsOn(center, day), "a check changes nothing");

        String carried = checked.body().replaceAll("(?s).*name=\"contenu\" value=\"([^\"]+)\".*", "$1");
        assertFalse(carried.contains("<"), "the file travels back with the confirmation form");
        ConsoleClient.Page applied = staff.upload("/console/sessions/import", Map.of("csrf", csrf, "etape", "appliquer",
                "contenu", carried), "", new byte[0]);
        assertEquals(200, applied.status(), applied.body());
        assertTrue(applied.body().contains("Le fichier est importé."), applied.body());
        assertEquals(1, sessionsOn(center, day));
        String sessionId = admin.get("/api/v1/sessions?center=" + center + "&from=" + day + "&to=" + day).json()
                .getJsonArray("items").getJsonObject(0).getString("id");
        assertEquals(2, admin.get("/api/v1/sessions/" + sessionId + "/enrolments").json().getJsonArray("items").size());
        ConsoleClient.Page export = staff.get("/console/sessions/" + sessionId + "/documents/candidats.csv");
        assertEquals(200, export.status());
        assertTrue(export.body().contains("Darrigrand-" + tag), "the export lists the candidates");
    }
}
