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
        assertTrue(list.contains(">Samira Haddad</a></td><td>nouvelle</td>"), list);
        assertEquals(1, list.split("<td>nouvelle</td>", -1).length - 1, "one referral, not two");

        String session = fixtures.session(fixtures.room(fixtures.site(partner.center()), 10),
                TestTime.todayInParis().plusDays(9), "09:00");
        assertEquals(200, partner.staff().post("/api/v1/referrals/" + referral + "/accept",
                Jsons.createObjectBuilder().add("sessionId", session).build()).status());
        String after = browser.get("/console/orientations").body();
        assertTrue(after.contains("acceptée : inscription à une session"), after);
        assertFalse(after.contains("<td>nouvelle</td>"));
    }

    /** A referral sent over the API by the partner's adviser, for someone free any half-day in Mont-de-Marsan. */
    private static String referral(Fixtures.Partner partner, String birthName) {
        ApiClient.Answer sent = partner.adviser().post("/api/v1/referrals", Jsons.createObjectBuilder()
                .add("person", Fixtures.personBody(birthName, "Sofiane", "1998-09-14").add("residenceInsee", "40192"))
                .add("consent", Jsons.createObjectBuilder().add("personInformed", true)).build());
        assertEquals(201, sent.status(), sent.body());
        return sent.id();
    }

    @Test
    void staffEnrolAReferredPersonInAProposedSessionOrRefuseWithAReasonAndTheAdviserWithdrawsOne() {
        Fixtures.Partner partner = fixtures.partner();
        String session = fixtures.session(fixtures.room(fixtures.site(partner.center()), 10),
                TestTime.todayInParis().plusDays(12), "09:00");
        String first = referral(partner, "Amrani-" + Fixtures.uniqueLetters());
        String second = referral(partner, "Bacha-" + Fixtures.uniqueLetters());
        String third = referral(partner, "Cazaux-" + Fixtures.uniqueLetters());
        ConsoleClient staff = new ConsoleClient(server);
        staff.signIn(ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", partner.center()), ConsoleHttpTest.PASSWORD);

        ConsoleClient.Page page = staff.get("/console/orientations/" + first);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("name=\"session\" value=\"" + session + "\""), "the session is proposed: "
                + page.body());
        ConsoleClient.Page accepted = staff.post("/console/orientations/" + first + "/accepter", Map.of("csrf", page.csrf(),
                "session", session));
        assertEquals(303, accepted.status(), accepted.body());
        assertEquals("ACCEPTED", admin.get("/api/v1/referrals/" + first).json().getString("status"));
        String after = staff.get(accepted.header("Location").orElseThrow()).body();
        assertTrue(after.contains("La personne est inscrite à la session") && !after.contains("/accepter\""), after);

        ConsoleClient.Page vague = staff.post("/console/orientations/" + second + "/refuser", Map.of("csrf", page.csrf(),
                "motif", "OTHER", "precision", ""));
        assertEquals(422, vague.status(), vague.body());
        assertTrue(vague.body().contains("id=\"erreur-refuser\""), vague.body());
        assertEquals("NEW", admin.get("/api/v1/referrals/" + second).json().getString("status"));
        assertEquals(303, staff.post("/console/orientations/" + second + "/refuser", Map.of("csrf", page.csrf(), "motif",
                "IN_EMPLOYMENT", "partage", "oui")).status());
        assertEquals("REFUSED", admin.get("/api/v1/referrals/" + second).json().getString("status"));
        assertEquals(404, staff.post("/console/orientations/" + third + "/annuler", Map.of("csrf", page.csrf())).status(),
                "withdrawing is the adviser's");

        ConsoleClient adviser = new ConsoleClient(server);
        adviser.signIn(ConsoleHttpTest.account(admin, "ADVISER", "organisationId", partner.organisation()),
                ConsoleHttpTest.PASSWORD);
        assertTrue(adviser.get("/console/orientations/" + first).body().contains("/console/orientations/" + first
                + "/convocation"), "the accepted referral offers its convocation");
        ConsoleClient.Page convocation = adviser.get("/console/orientations/" + first + "/convocation");
        assertEquals(200, convocation.status(), convocation.body());
        assertTrue(convocation.body().contains("Sofiane</strong> est attendu(e) le <strong>")
                && convocation.body().contains("Une pièce d&#39;identité") || convocation.body().contains("Une pièce d'identité"),
                convocation.body());
        assertTrue(convocation.body().contains("href=\"mailto:?subject=Convocation%20%C3%A0%20la%20certification"),
                "forwarded by e-mail: " + convocation.body());
        assertEquals(409, adviser.get("/console/orientations/" + second + "/convocation").status(),
                "a refused referral has no convocation");
        String refused = adviser.get("/console/orientations/" + second).body();
        assertTrue(refused.contains("En emploi"), "the adviser reads the reason: " + refused);
        assertFalse(refused.contains("/accepter\""), "no staff action for an adviser");
        ConsoleClient.Page withdrawn = adviser.post("/console/orientations/" + third + "/annuler", Map.of("csrf",
                adviser.get("/console").csrf(), "precision", "A trouvé un emploi"));
        assertEquals(303, withdrawn.status(), withdrawn.body());
        assertEquals("CANCELLED", admin.get("/api/v1/referrals/" + third).json().getString("status"));

        ConsoleClient outsider = new ConsoleClient(server);
        outsider.signIn(ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", fixtures.center()),
                ConsoleHttpTest.PASSWORD);
        assertEquals(404, outsider.get("/console/orientations/" + first).status());
        assertEquals(404, outsider.post("/console/orientations/" + second + "/reporter", Map.of("csrf",
                outsider.get("/console").csrf())).status());
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
