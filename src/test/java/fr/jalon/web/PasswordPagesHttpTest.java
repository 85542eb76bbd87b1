package fr.jalon.web;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Db;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.Mails;
import fr.jalon.testing.Outbox;
import fr.jalon.testing.TestDatabase;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A forgotten password: a link by e-mail, single use, 30 minutes; an administrator sends one for a first password. */
@HttpTest
class PasswordPagesHttpTest {

    private static final Pattern LINK = Pattern.compile("http://[^/\\s]+(/mot-de-passe/jal_[A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "Une phrase pour le quai 7";

    private final URI server;
    private final ApiClient admin;
    private final Fixtures fixtures;

    PasswordPagesHttpTest(URI server, ApiClient admin, Fixtures fixtures) {
        this.server = server;
        this.admin = admin;
        this.fixtures = fixtures;
    }

    /** The links the outbox holds for this address, oldest first (read back from the e-mails themselves). */
    static List<String> linksSentTo(String email) throws Exception {
        List<String> links = new ArrayList<>();
        for (Path file : Outbox.files(TestDatabase.DATA_DIR)) {
            if (!file.toString().endsWith(".eml")) {
                continue;
            }
            MimeMessage mail = Mails.read(file);
            if (mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(email)) {
                Matcher link = LINK.matcher(Mails.text(mail));
                assertTrue(link.find(), "the e-mail carries the link");
                links.add(link.group(1));
            }
        }
        return links;
    }

    private static ConsoleClient.Page askForLink(ConsoleClient browser, String email) {
        ConsoleClient.Page form = browser.get("/mot-de-passe-oublie");
        assertEquals(200, form.status());
        return browser.post("/mot-de-passe-oublie", Map.of("csrf", form.csrf(), "email", email));
    }

    @Test
    void aForgottenPasswordIsChosenAgainThroughASingleUseLinkThatClosesEverySession() throws Exception {
        String email = ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", fixtures.center());
        ConsoleClient elsewhere = new ConsoleClient(server);
        assertEquals(303, elsewhere.signIn(email, ConsoleHttpTest.PASSWORD).status());

        ConsoleClient browser = new ConsoleClient(server);
        ConsoleClient.Page sent = askForLink(browser, email);
        assertEquals(200, sent.status());
        assertTrue(sent.body().contains("Si un compte Jalon correspond à cette adresse"), sent.body());
        ConsoleClient.Page unknown = askForLink(new ConsoleClient(server), "personne-" + email);
        assertEquals(sent.body().replaceAll("value=\"jal_[^\"]+\"", ""), unknown.body().replaceAll("value=\"jal_[^\"]+\"",
                ""), "the same page whether the account exists or not");
        assertEquals(List.of(), linksSentTo("personne-" + email));
        assertEquals(200, askForLink(browser, email).status());
        List<String> links = linksSentTo(email);
        assertEquals(1, links.size(), "a second request within two minutes sends nothing more");
        String link = links.getFirst();

        ConsoleClient.Page choose = browser.get(link);
        assertEquals(200, choose.status());
        assertTrue(choose.body().contains(email), "the page names the account");
        ConsoleClient.Page differ = browser.post(link, Map.of("csrf", choose.csrf(), "password", NEW_PASSWORD,
                "confirmation", NEW_PASSWORD + "!"));
        assertEquals(422, differ.status());
        assertTrue(differ.body().contains("id=\"erreur-confirmation\""), differ.body());
        ConsoleClient.Page tooShort = browser.post(link, Map.of("csrf", differ.csrf(), "password", "court",
                "confirmation", "court"));
        assertEquals(422, tooShort.status());
        assertTrue(tooShort.body().contains("au moins 12 caractères"), tooShort.body());
        assertEquals(403, browser.post(link, Map.of("csrf", "jal_forged-token-of-thirty-chars", "password",
                NEW_PASSWORD, "confirmation", NEW_PASSWORD)).status());

        ConsoleClient.Page saved = browser.post(link, Map.of("csrf", browser.get(link).csrf(), "password", NEW_PASSWORD,
                "confirmation", NEW_PASSWORD));
        assertEquals(303, saved.status(), saved.body());
        assertEquals("/connexion?motDePasse=enregistre", saved.header("Location").orElseThrow());
        assertTrue(browser.get("/connexion?motDePasse=enregistre").body().contains("Votre mot de passe est enregistré"));
        assertEquals(410, browser.get(link).status(), "single use");
        assertEquals(410, browser.post(link, Map.of("csrf", "x", "password", "Encore une autre phrase",
                "confirmation", "Encore une autre phrase")).status());
        assertEquals(303, elsewhere.get("/console").status(), "the other browser's session is closed");
        assertEquals("/connexion", elsewhere.get("/console").header("Location").orElseThrow());
        assertEquals(401, new ConsoleClient(server).signIn(email, ConsoleHttpTest.PASSWORD).status(), "old password");
        assertEquals(303, new ConsoleClient(server).signIn(email, NEW_PASSWORD).status(), "new password");
        assertEquals(1, Db.count("SELECT count(*) AS n FROM audit_log a JOIN users u ON u.id::text = a.record_id "
                + "WHERE u.email = ? AND a.action = 'user.password_by_link'", email));
    }

    @Test
    void aLinkOlderThanThirtyMinutesIsRefused() throws Exception {
        String email = ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", fixtures.center());
        askForLink(new ConsoleClient(server), email);
        String link = linksSentTo(email).getFirst();
        Db.execute().dml("UPDATE password_links SET expires_at = now() - interval '1 second' WHERE user_id = "
                + "(SELECT id FROM users WHERE email = ?)", email);
        ConsoleClient browser = new ConsoleClient(server);
        ConsoleClient.Page expired = browser.get(link);
        assertEquals(410, expired.status());
        assertTrue(expired.body().contains("Ce lien n'est plus valable"), expired.body());
        assertEquals(410, browser.get("/mot-de-passe/jal_no-such-link-0000000000000").status());
        assertEquals(410, browser.get("/mot-de-passe/%3Cscript%3E").status());
    }

    @Test
    void anAdministratorSendsANewAccountTheLinkToItsFirstPassword() throws Exception {
        String email = "premier-" + Fixtures.uniqueLetters().toLowerCase() + "@example.org";
        ApiClient.Answer user = admin.post("/api/v1/users", Jsons.createObjectBuilder().add("email", email)
                .add("displayName", "Nouvelle Collègue").add("role", "CENTER_STAFF").add("centerId", fixtures.center())
                .build());
        assertEquals(201, user.status(), user.body());
        ApiClient.Answer link = admin.post("/api/v1/users/" + user.id() + "/password-link", Jsons.createObjectBuilder()
                .build());
        assertEquals(202, link.status(), link.body());
        Duration validity = Duration.between(Instant.now(), Instant.parse(link.json().getString("expiresAt")));
        assertTrue(validity.compareTo(Duration.ofMinutes(29)) > 0 && validity.compareTo(Duration.ofMinutes(31)) < 0,
                validity.toString());
        MimeMessage mail = null;
        for (Path file : Outbox.files(TestDatabase.DATA_DIR)) {
            if (file.toString().endsWith(".eml") && Mails.read(file).getRecipients(Message.RecipientType.TO)[0].toString()
                    .equals(email)) {
                mail = Mails.read(file);
            }
        }
        assertTrue(mail != null && mail.getSubject().equals("Choisissez votre mot de passe Jalon"));
        assertTrue(Mails.text(mail).contains("Bonjour Nouvelle Collègue"), Mails.text(mail));

        ApiClient staff = admin.as(admin.post("/api/v1/users/" + user.id() + "/tokens", Jsons.createObjectBuilder()
                .add("label", "essai").build()).json().getString("token"));
        assertEquals(404, staff.post("/api/v1/users/" + user.id() + "/password-link", Jsons.createObjectBuilder().build())
                .status(), "administrators only");
        ConsoleClient browser = new ConsoleClient(server);
        String path = linksSentTo(email).getFirst();
        ConsoleClient.Page saved = browser.post(path, Map.of("csrf", browser.get(path).csrf(), "password", NEW_PASSWORD,
                "confirmation", NEW_PASSWORD));
        assertEquals(303, saved.status(), saved.body());
        assertEquals(303, new ConsoleClient(server).signIn(email, NEW_PASSWORD).status());
        assertFalse(linksSentTo(email).isEmpty());
    }
}
