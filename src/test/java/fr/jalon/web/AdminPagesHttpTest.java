package fr.jalon.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Db;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An administrator opens accounts, sends the password link and disables an account from the console. */
@HttpTest
class AdminPagesHttpTest {

    private static final Pattern NEXT = Pattern.compile("<a href=\"(/console/utilisateurs\\?suite=[^\"]+)\">Comptes suivants");

    private final URI server;
    private final ApiClient admin;
    private final Fixtures fixtures;

    AdminPagesHttpTest(URI server, ApiClient admin, Fixtures fixtures) {
        this.server = server;
        this.admin = admin;
        this.fixtures = fixtures;
    }

    @Test
    void anAdministratorOpensAnAccountWithItsPasswordLinkThenDisablesIt() {
        String center = fixtures.center();
        String centerName = admin.get("/api/v1/centers/" + center).json().getString("name");
        ConsoleClient browser = new ConsoleClient(server);
        browser.signIn(ConsoleHttpTest.account(admin, "ADMIN", null, null), ConsoleHttpTest.PASSWORD);
        ConsoleClient.Page form = browser.get("/console/utilisateurs/nouveau");
        assertEquals(200, form.status());
        assertTrue(form.body().contains("<option value=\"" + center + "\""), "every centre is proposed");

        ConsoleClient.Page refused = browser.post("/console/utilisateurs", Map.of("csrf", form.csrf(), "nom", "Lou Darroze",
                "email", "pas-une-adresse", "role", "CENTER_STAFF", "lien", "oui"));
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("id=\"erreur-email\""), refused.body());
        assertTrue(refused.body().contains("id=\"erreur-structure\""), "a centre is required for staff: " + refused.body());
        assertTrue(refused.body().contains("value=\"Lou Darroze\""), "what was typed stays");

        String email = "lou-" + UUID.randomUUID() + "@example.org";
        ConsoleClient.Page created = browser.post("/console/utilisateurs", Map.of("csrf", form.csrf(), "nom", "Lou Darroze",
                "email", email, "role", "CENTER_STAFF", "structure-centre", center, "structure-organisation", "",
                "structure-collectivite", "", "lien", "oui"));
        assertEquals(303, created.status(), created.body());
        assertEquals("/console/utilisateurs?fait=cree-lien", created.header("Location").orElseThrow());
        assertEquals(1, Db.count("SELECT count(*) AS n FROM password_links l JOIN users u ON u.id = l.user_id "
                + "WHERE u.email = ?", email), "the link was sent");
        String list = browser.get("/console/utilisateurs?fait=cree-lien").body();
        assertTrue(list.contains("Le compte est créé ; un e-mail lui a été envoyé"), list);
        Matcher next = NEXT.matcher(list);
        while (!list.contains(email) && next.find()) {
            list = browser.get(next.group(1).replace("&#61;", "=")).body();
            next = NEXT.matcher(list);
        }
        String row = list.substring(list.indexOf(email));
        row = row.substring(0, row.indexOf("</tr>")).replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
        assertTrue(row.contains(centerName) && row.contains("Personnel d'un centre") && row.contains("actif"), row);

        String id = ConsoleHttpTest.userId(email);
        ConsoleClient.Page disabled = browser.post("/console/utilisateurs/" + id + "/desactiver", Map.of("csrf",
                form.csrf()));
        assertEquals(303, disabled.status());
        assertFalse(admin.get("/api/v1/users/" + id).json().getBoolean("active"));
        assertEquals(409, browser.post("/console/utilisateurs/" + id + "/lien", Map.of("csrf", form.csrf())).status(),
                "no password for a disabled account");
        assertEquals(403, browser.post("/console/utilisateurs/" + id + "/lien", Map.of("csrf", "jal_forged")).status());
        assertEquals(404, browser.post("/console/utilisateurs/" + UUID.randomUUID() + "/lien", Map.of("csrf",
                form.csrf())).status());
    }

    @Test
    void theUsersPagesAreForAdministratorsOnly() {
        ConsoleClient staff = new ConsoleClient(server);
        staff.signIn(ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", fixtures.center()), ConsoleHttpTest.PASSWORD);
        assertEquals(404, staff.get("/console/utilisateurs").status());
        assertEquals(404, staff.get("/console/utilisateurs/nouveau").status());
        assertFalse(staff.get("/console").body().contains("/console/utilisateurs"), "not in their menu");
    }
}
