package fr.jalon.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An adviser refers a person from the console and follows the referral as the centre handles it. */
@HttpTest
class AdviserPagesHttpTest {

    private final URI server;
    private final ApiClient admin;
    private final Fixtures fixtures;

    AdviserPagesHttpTest(URI server, ApiClient admin, Fixtures fixtures) {
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
    void anAdviserRefersSomeoneAndSeesTheStatusChangeWhenTheCentreAccepts() {
        Fixtures.Partner partner = fixtures.partner();
        String email = ConsoleHttpTest.account(admin, "ADVISER", "organisationId", partner.organisation());
        ConsoleClient browser = new ConsoleClient(server);
        assertEquals(303, browser.signIn(email, ConsoleHttpTest.PASSWORD).status());
        assertTrue(browser.get("/console").body().contains("href=\"/console/orientations\""), "the adviser's menu");

        String form = browser.get("/console/orientations/nouvelle").body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", hidden(form, "csrf"));
        fields.put("cle", hidden(form, "cle"));
        fields.put("nom", "Haddad");
        fields.put("prenom", "Samira");
        fields.put("sexe", "F");
        fields.put("dateNaissance", "1994-03-08");
        fields.put("inseeNaissance", "40192");
        fields.put("communeResidence", "40192");
        fields.put("email", "samira.haddad@example.org");
        ConsoleClient.Page withoutConsent = browser.post("/console/orientations", fields);
        assertEquals(422, withoutConsent.status());
        assertTrue(withoutConsent.body().contains("id=\"erreur-consentement\""), withoutConsent.body());
        assertTrue(withoutConsent.body().contains("value=\"Haddad\""), "what was typed stays");

        fields.put("cle", hidden(withoutConsent.body(), "cle"));
        fields.put("consentement", "oui");
        ConsoleClient.Page sent = browser.post("/console/orientations", fields);
        assertEquals(303, sent.status(), sent.body());
        ConsoleClient.Page again = browser.post("/console/orientations", fields);
        assertEquals(303, again.status(), "the same form sent twice");
        assertEquals(sent.header("Location"), again.header("Location"), "acts once (Idempotency-Key)");
        String referral = sent.header("Location").orElseThrow().replaceAll(".*envoyee=", "");

        String list = browser.get(sent.header("Location").orElseThrow()).body();
        assertTrue(list.contains("L&#39;orientation est envoyée au centre."), list);
        assertTrue(list.contains("<td>Samira Haddad</td><td>nouvelle</td>"), list);
        assertEquals(1, list.split("<td>nouvelle</td>", -1).length - 1, "one referral, not two");

        String session = fixtures.session(fixtures.room(fixtures.site(partner.center()), 10),
                TestTime.todayInParis().plusDays(9), "09:00");
        assertEquals(200, partner.staff().post("/api/v1/referrals/" + referral + "/accept",
                Jsons.createObjectBuilder().add("sessionId", session).build()).status());
        String after = browser.get("/console/orientations").body();
        assertTrue(after.contains("acceptée : inscription à une session"), after);
        assertFalse(after.contains("<td>nouvelle</td>"));
    }

    @Test
    void onlyAdvisersReferAndStaffSeeWhatIsAddressedToTheirCentre() {
        Fixtures.Partner partner = fixtures.partner();
        ConsoleClient staff = new ConsoleClient(server);
        staff.signIn(ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", partner.center()), ConsoleHttpTest.PASSWORD);
        assertEquals(404, staff.get("/console/orientations/nouvelle").status());
        assertEquals(200, staff.get("/console/orientations").status());
        assertFalse(staff.get("/console/orientations").body().contains("Orienter une personne"));
        ConsoleClient hr = new ConsoleClient(server);
        ApiClient.Answer authority = admin.post("/api/v1/local-authorities", Jsons.createObjectBuilder()
                .add("name", Fixtures.unique("Commune")).add("kind", "COMMUNE").add("siren", "214000887").build());
        hr.signIn(ConsoleHttpTest.account(admin, "HR", "authorityId", authority.id()), ConsoleHttpTest.PASSWORD);
        assertEquals(404, hr.get("/console/orientations").status());
    }
}
