package fr.jalon.web;

import java.net.URI;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Db;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console over HTTP: signing in and out, CSRF, lockout, headers, escaping, scope — and a page's write reaching the API. */
@HttpTest
class ConsoleHttpTest {

    static final String PASSWORD = "Un-mot-de-passe-sur";

    private final URI server;
    private final ApiClient admin;
    private final Fixtures fixtures;

    ConsoleHttpTest(URI server, ApiClient admin, Fixtures fixtures) {
        this.server = server;
        this.admin = admin;
        this.fixtures = fixtures;
    }

    /** A user of this role and scope with {@link #PASSWORD}; returns their e-mail. */
    static String account(ApiClient admin, String role, String scopeField, String scopeId) {
        String email = "console-" + UUID.randomUUID() + "@example.org";
        var body = Jsons.createObjectBuilder().add("email", email).add("displayName", "Camille Testeuse").add("role", role);
        if (scopeField != null) {
            body.add(scopeField, scopeId);
        }
        ApiClient.Answer user = admin.post("/api/v1/users", body.build());
        assertEquals(201, user.status(), user.body());
        ApiClient.Answer set = admin.put("/api/v1/users/" + user.id() + "/password",
                Jsons.createObjectBuilder().add("password", PASSWORD).build());
        assertEquals(204, set.status(), set.body());
        return email;
    }

    /**
     * A user's id by e-mail, read in the table: the users list is paged by e-mail, and other
     * tests' users may fill its first pages.
     */
    static String userId(String email) {
        return Db.execute().get("SELECT id FROM users WHERE email = ?", email).orElseThrow().column("id").get(UUID.class)
                .toString();
    }

    @Test
    void staffSignInSeeTheirCalendarAndEnrolACandidateThroughTheApi() {
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 10), TestTime.todayInParis().plusDays(2),
                "14:00");
        ConsoleClient browser = new ConsoleClient(server);
        assertEquals(303, browser.get("/").status());
        assertEquals("/connexion", browser.get("/").header("Location").orElseThrow());

        ConsoleClient.Page signedIn = browser.signIn(account(admin, "CENTER_STAFF", "centerId", center), PASSWORD);
        assertEquals(303, signedIn.status(), signedIn.body());
        assertEquals("/console", signedIn.header("Location").orElseThrow());
        String cookie = signedIn.headers("Set-Cookie").stream().filter(c -> c.startsWith("jalon_session=")).findFirst()
                .orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        assertEquals("/console", browser.get("/").header("Location").orElseThrow());

        String month = YearMonth.from(TestTime.todayInParis().plusDays(2)).toString();
        ConsoleClient.Page calendar = browser.get("/console/sessions?mois=" + month);
        assertEquals(200, calendar.status());
        assertTrue(calendar.body().contains("href=\"/console/sessions/" + session + "\""), calendar.body());
        assertTrue(calendar.body().contains("0 / 10 places"), "the fill level");

        ConsoleClient.Page page = browser.get("/console/sessions/" + session);
        assertEquals(200, page.status());
        ConsoleClient.Page enrolled = browser.post("/console/sessions/" + session + "/candidats", Map.of("csrf", page.csrf(),
                "nom", "Darrigrand", "prenom", "Maïté", "sexe", "F", "dateNaissance", "1988-04-12", "inseeNaissance", "40192"));
        assertEquals(303, enrolled.status(), enrolled.body());
        ConsoleClient.Page after = browser.get(enrolled.header("Location").orElseThrow());
        assertTrue(after.body().contains("Le candidat est inscrit.") && after.body().contains("Darrigrand"), after.body());
        assertTrue(after.body().contains("1 / 10 occupées"), "seats as the API counts them");
        assertEquals("Darrigrand", admin.get("/api/v1/sessions/" + session + "/enrolments").json().getJsonArray("items")
                .getJsonObject(0).getJsonObject("person").getString("birthName"), "written through the API");
    }

    @Test
    void invalidFieldsComeBackBesideTheirFieldAndNothingIsWritten() {
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 10), TestTime.todayInParis().plusDays(3),
                "09:00");
        ConsoleClient browser = new ConsoleClient(server);
        browser.signIn(account(admin, "CENTER_STAFF", "centerId", center), PASSWORD);
        String csrf = browser.get("/console/sessions/" + session).csrf();
        ConsoleClient.Page refused = browser.post("/console/sessions/" + session + "/candidats", Map.of("csrf", csrf,
                "nom", "<script>alert(1)</script>", "prenom", "Eve", "sexe", "F", "dateNaissance", "1990-05-04",
                "inseeNaissance", "40192"));
        assertEquals(422, refused.status());
        assertFalse(refused.body().contains("<script>alert(1)</script>"), "markup never comes back as markup");
        assertTrue(refused.body().contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""), "kept, as text");
        assertTrue(refused.body().contains("id=\"nom\" name=\"nom\"") && refused.body().contains("aria-invalid=\"true\" "
                + "aria-describedby=\"erreur-nom\""), "the error is tied to its field");
        assertTrue(refused.body().contains("id=\"erreur-nom\""), refused.body());
        assertEquals(0, admin.get("/api/v1/sessions/" + session + "/enrolments").json().getJsonArray("items").size());
    }

    @Test
    void aSiteNamedWithMarkupShowsAsTextInTheCalendar() {
        String center = fixtures.center();
        ApiClient.Answer site = admin.post("/api/v1/centers/" + center + "/sites",
                Fixtures.siteBody("Site <script>alert(1)</script> & <b>gras</b>").build());
        assertEquals(201, site.status(), site.body());
        fixtures.site(center);
        fixtures.session(fixtures.room(site.id(), 8), TestTime.todayInParis().plusDays(1), "10:00");
        ConsoleClient browser = new ConsoleClient(server);
        browser.signIn(account(admin, "CENTER_STAFF", "centerId", center), PASSWORD);
        String body = browser.get("/console/sessions?mois=" + YearMonth.from(TestTime.todayInParis().plusDays(1))).body();
        assertTrue(body.contains("Site &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;gras&lt;/b&gt;"), body);
        assertFalse(body.contains("<script>alert(1)"));
        assertFalse(body.contains("<b>gras"));
    }

    @Test
    void formsWithoutTheRightCsrfTokenChangeNothing() {
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 10), TestTime.todayInParis().plusDays(4),
                "09:00");
        String email = account(admin, "CENTER_STAFF", "centerId", center);
        ConsoleClient browser = new ConsoleClient(server);
        browser.signIn(email, PASSWORD);
        ConsoleClient.Page forged = browser.post("/console/sessions/" + session + "/candidats", Map.of("csrf", "jal_forged",
                "nom", "Forge", "prenom", "Eve", "sexe", "F", "dateNaissance", "1990-05-04", "inseeNaissance", "40192"));
        assertEquals(403, forged.status());
        assertTrue(forged.body().contains("rien n'a été enregistré"), forged.body());
        ConsoleClient.Page none = browser.post("/console/sessions/" + session + "/candidats", Map.of("nom", "Forge"));
        assertEquals(403, none.status());
        assertEquals(0, admin.get("/api/v1/sessions/" + session + "/enrolments").json().getJsonArray("items").size());
        assertEquals(403, browser.post("/deconnexion", Map.of()).status(), "signing out needs the token too");

        ConsoleClient stranger = new ConsoleClient(server);
        ConsoleClient.Page crossSite = stranger.post("/connexion", Map.of("csrf", "jal_guess", "email", email,
                "password", PASSWORD));
        assertEquals(403, crossSite.status(), "a sign-in form posted from elsewhere (no double-submit cookie)");
        assertTrue(stranger.sessionSecret().isEmpty());
    }

    @Test
    void repeatedFailuresLockTheAccountThenItOpensAgain() {
        String email = account(admin, "CENTER_STAFF", "centerId", fixtures.center());
        ConsoleClient browser = new ConsoleClient(server);
        for (int i = 1; i <= 4; i++) {
            ConsoleClient.Page wrong = browser.signIn(email, "mauvais-mot-de-passe-" + i);
            assertEquals(401, wrong.status());
            assertTrue(wrong.body().contains("Adresse e-mail ou mot de passe incorrect."));
        }
        ConsoleClient.Page fifth = browser.signIn(email, "mauvais-mot-de-passe-5");
        assertEquals(429, fifth.status());
        assertEquals("60", fifth.header("Retry-After").orElseThrow());
        assertTrue(fifth.body().contains("bloqué pendant 1 minute"), fifth.body());
        assertEquals(429, browser.signIn(email, PASSWORD).status(), "the right password waits too");
        assertEquals(401, browser.signIn("personne-" + UUID.randomUUID() + "@example.org", PASSWORD).status(),
                "an unknown e-mail answers as a wrong password");

        Db.execute().dml("UPDATE users SET locked_until = now() - interval '1 second' WHERE lower(email) = lower(?)", email);
        ConsoleClient.Page sixth = browser.signIn(email, "mauvais-mot-de-passe-6");
        assertEquals(429, sixth.status());
        assertTrue(sixth.body().contains("bloqué pendant 2 minutes"), "backoff doubles: " + sixth.body());
        Db.execute().dml("UPDATE users SET locked_until = now() - interval '1 second' WHERE lower(email) = lower(?)", email);
        assertEquals(303, browser.signIn(email, PASSWORD).status());
        assertEquals(0, Db.execute().get("SELECT failed_logins FROM users WHERE lower(email) = lower(?)", email)
                .orElseThrow().column("failed_logins").getInt(), "a success resets the count");
        assertTrue(Db.execute().get("SELECT count(*) AS n FROM audit_log WHERE action = 'console.account_locked' AND record_id = "
                        + "(SELECT id::text FROM users WHERE lower(email) = lower(?))", email).orElseThrow().column("n")
                .getLong() >= 2, "locks are audited");
    }

    @Test
    void pagesCarryTheSecurityHeadersAndNoInlineScriptOrStyle() {
        ConsoleClient browser = new ConsoleClient(server);
        browser.signIn(account(admin, "CENTER_STAFF", "centerId", fixtures.center()), PASSWORD);
        for (String path : new String[] {"/connexion", "/console", "/console/sessions"}) {
            ConsoleClient.Page page = path.equals("/connexion") ? new ConsoleClient(server).get(path) : browser.get(path);
            assertEquals(200, page.status(), path);
            String csp = page.header("Content-Security-Policy").orElseThrow();
            assertFalse(csp.contains("unsafe-inline"), csp);
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), csp);
            assertEquals("nosniff", page.header("X-Content-Type-Options").orElseThrow());
            assertEquals("same-origin", page.header("Referrer-Policy").orElseThrow());
            assertEquals("no-store", page.header("Cache-Control").orElseThrow());
            assertFalse(page.body().matches("(?s).*<script>.*|.*<script [^>]*>[^<]+</script>.*"), path + ": inline script");
            assertFalse(page.body().contains(" style=") || page.body().contains("<style"), path + ": inline style");
            assertTrue(page.body().contains("<html lang=\"fr\">") && page.body().contains("href=\"#contenu\""), path);
        }
        ConsoleClient.Page css = browser.get("/console/assets/jalon.css");
        assertEquals(200, css.status());
        assertTrue(css.header("Content-Type").orElseThrow().startsWith("text/css"));
    }

    @Test
    void eachRoleSeesOnlyItsPagesAndItsCentre() {
        String centerA = fixtures.center();
        String sessionB = fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 10),
                TestTime.todayInParis().plusDays(5), "09:00");
        ConsoleClient staffA = new ConsoleClient(server);
        staffA.signIn(account(admin, "CENTER_STAFF", "centerId", centerA), PASSWORD);
        assertEquals(404, staffA.get("/console/sessions/" + sessionB).status(), "another centre's session");
        assertEquals(404, staffA.get("/console/sessions/pas-un-identifiant").status());
        assertFalse(staffA.get("/console/sessions?mois=" + YearMonth.from(TestTime.todayInParis().plusDays(5))).body()
                .contains(sessionB));

        ConsoleClient invigilator = new ConsoleClient(server);
        invigilator.signIn(account(admin, "INVIGILATOR", "centerId", centerA), PASSWORD);
        assertEquals(200, invigilator.get("/console").status());
        assertFalse(invigilator.get("/console").body().contains("href=\"/console/sessions\""), "no staff menu");
        assertEquals(404, invigilator.get("/console/sessions").status());

        ConsoleClient nobody = new ConsoleClient(server);
        assertEquals(303, nobody.get("/console/sessions").status());
        ConsoleClient.Page post = nobody.post("/console/sessions/" + sessionB + "/candidats", Map.of("nom", "X"));
        assertEquals(401, post.status(), "a form without a session does nothing");
        assertTrue(post.body().contains("rien n&#39;a été enregistré"), post.body());
    }

    @Test
    void signingOutEverywhereClosesEveryBrowsersSessionAndItsToken() {
        String email = account(admin, "CENTER_STAFF", "centerId", fixtures.center());
        ConsoleClient laptop = new ConsoleClient(server);
        ConsoleClient phone = new ConsoleClient(server);
        laptop.signIn(email, PASSWORD);
        phone.signIn(email, PASSWORD);
        String phoneSecret = phone.sessionSecret().orElseThrow();
        assertEquals(200, admin.as(phoneSecret).get("/api/v1/me").status(), "a session is the user's API token");

        ConsoleClient.Page out = laptop.post("/deconnexion-partout", Map.of("csrf", laptop.get("/console").csrf()));
        assertEquals(303, out.status());
        assertEquals(303, phone.get("/console").status(), "the phone is signed out too");
        assertEquals(401, admin.as(phoneSecret).get("/api/v1/me").status(), "its token is revoked");

        ConsoleClient again = new ConsoleClient(server);
        again.signIn(email, PASSWORD);
        ConsoleClient.Page single = again.post("/deconnexion", Map.of("csrf", again.get("/console").csrf()));
        assertEquals(303, single.status());
        assertEquals("/connexion", single.header("Location").orElseThrow());
        assertEquals(303, again.get("/console").status());
    }

    @Test
    void passwordsFollowTheRulesAndOnlyTheirOwnerOrAnAdministratorSetsThem() {
        String center = fixtures.center();
        String email = account(admin, "CENTER_STAFF", "centerId", center);
        String id = userId(email);
        ApiClient.Answer weak = admin.put("/api/v1/users/" + id + "/password",
                Jsons.createObjectBuilder().add("password", "court").build());
        assertEquals(422, weak.status());
        assertTrue(weak.body().contains("au moins 12 caractères"), weak.body());
        ApiClient other = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
        assertEquals(404, other.put("/api/v1/users/" + id + "/password",
                Jsons.createObjectBuilder().add("password", "Encore-un-autre-mot").build()).status());
        assertEquals(303, new ConsoleClient(server).signIn(email, PASSWORD).status(), "unchanged");
        assertTrue(Db.execute().get("SELECT password_hash FROM users WHERE id = ?", UUID.fromString(id)).orElseThrow()
                .column("password_hash").getString().startsWith("$argon2id$"), "stored as Argon2id");
    }
}
