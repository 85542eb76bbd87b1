package fr.jalon.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.PixOrgaCsv;
import fr.jalon.testing.ResultsCsv;
import fr.jalon.testing.TestTime;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real browser: Debian's Chromium driven by its ChromeDriver ({@code /usr/bin},
 * installed by {@code .ci/run}; never a downloaded browser). Journeys as users make them, an XSS
 * attempt, a lockout, axe-core on every page (no serious or critical violation), and a screenshot
 * of each page under {@code target/screenshots/}.
 */
@HttpTest
class ConsoleBrowserTest {

    /** The Pix Certif mass-import header (current layout). */
    private static final String PIX_HEADER = "Numéro de session préexistante;* Nom du site;* Nom de la salle;"
            + "* Date de début (format: JJ/MM/AAAA);* Heure de début (heure locale format: HH:MM);* Surveillant(s);"
            + "Observations (optionnel);* Nom de naissance;* Prénom;* Date de naissance (format: JJ/MM/AAAA);"
            + "* Sexe (M ou F);Code INSEE de la commune de naissance;Code postal de la commune de naissance;"
            + "Nom de la commune de naissance;* Pays de naissance;"
            + "E-mail du destinataire des résultats (formateur, enseignant…);E-mail de convocation;Identifiant externe;"
            + "Temps majoré ? (exemple format: 33%);* Tarification part Pix (Gratuite, Prépayée ou Payante);"
            + "Code de prépaiement (si Tarification part Pix Prépayée);CléA Numérique ('oui' ou laisser vide)";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static ChromeDriver browser;

    private final URI server;
    private final ApiClient admin;
    private final Fixtures fixtures;

    ConsoleBrowserTest(URI server, ApiClient admin, Fixtures fixtures) {
        this.server = server;
        this.admin = admin;
        this.fixtures = fixtures;
    }

    @BeforeAll
    static void startChromium() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver "
                        + "(.ci/run does)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1280,1000", "--lang=fr-FR",
                "--user-data-dir=" + Files.createTempDirectory("jalon-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void staffSignInFindTheSessionInTheCalendarAndEnrolACandidate() throws IOException {
        String center = fixtures.center();
        ApiClient.Answer site = admin.post("/api/v1/centers/" + center + "/sites",
                Fixtures.siteBody("Médiathèque <script>alert(1)</script>").build());
        assertEquals(201, site.status(), site.body());
        fixtures.site(center);
        String session = fixtures.session(fixtures.room(site.id(), 12), TestTime.todayInParis().plusDays(3), "14:00");
        String email = ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", center);

        browser.manage().deleteAllCookies();
        browser.get(server.resolve("/").toString());
        assertTrue(browser.getCurrentUrl().endsWith("/connexion"), browser.getCurrentUrl());
        assertEquals("Se connecter — Jalon", browser.getTitle());
        accessible("connexion");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(ConsoleHttpTest.PASSWORD);
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        assertTrue(browser.getCurrentUrl().endsWith("/console"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Bonjour"));
        accessible("accueil-personnel");

        navigate(By.linkText("Sessions"));
        String month = YearMonth.from(TestTime.todayInParis().plusDays(3)).toString();
        if (!browser.getCurrentUrl().contains(month) && !YearMonth.from(TestTime.todayInParis()).toString().equals(month)) {
            navigate(By.linkText("Mois suivant"));
        }
        WebElement link = browser.findElement(By.cssSelector("a[href='/console/sessions/" + session + "']"));
        assertTrue(link.getText().contains("Médiathèque <script>alert(1)</script>"), "markup shown as text: " + link.getText());
        assertTrue(link.getText().contains("0 / 12 places"), link.getText());
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "no script ran");
        accessible("calendrier");

        navigate(link);
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Session du"));
        accessible("session");
        fill("nom", "<img src=x onerror=alert(2)>");
        fill("prenom", "Maïté");
        browser.findElement(By.cssSelector("input[name=sexe][value=F]")).click();
        browser.findElement(By.id("dateNaissance")).sendKeys("12041988");
        fill("inseeNaissance", "40192");
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        assertEquals("erreur-nom", browser.findElement(By.id("nom")).getDomAttribute("aria-describedby"));
        assertEquals("nom", browser.switchTo().activeElement().getDomAttribute("id"), "focus on the first field in error");
        assertEquals("<img src=x onerror=alert(2)>", browser.findElement(By.id("nom")).getDomProperty("value"));
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "no script ran");
        accessible("session-erreurs");

        fill("nom", "Darrigrand");
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("Le candidat est inscrit."));
        List<String> rows = browser.findElements(By.cssSelector("table tbody tr")).stream().map(WebElement::getText).toList();
        assertTrue(rows.stream().anyMatch(r -> r.contains("Darrigrand") && r.contains("Maïté")), rows.toString());
        accessible("session-inscrit");
    }

    @Test
    void keyboardUsersSkipToTheContentAndSeeWhereTheFocusIs() {
        browser.manage().deleteAllCookies();
        browser.get(server.resolve("/connexion").toString());
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement skip = browser.switchTo().activeElement();
        assertEquals("Aller au contenu", skip.getText(), "the skip link comes first");
        String outline = skip.getCssValue("outline-style");
        assertFalse(outline.equals("none"), "a visible focus: " + outline);
        skip.sendKeys(Keys.ENTER);
        assertEquals("contenu", browser.switchTo().activeElement().getDomAttribute("id"));
    }

    @Test
    void aLockedAccountIsToldSoInFrench() throws IOException {
        String email = ConsoleHttpTest.account(admin, "ADVISER", "organisationId", fixtures.partner().organisation());
        browser.manage().deleteAllCookies();
        for (int i = 0; i < 5; i++) {
            browser.get(server.resolve("/connexion").toString());
            browser.findElement(By.id("email")).sendKeys(email);
            browser.findElement(By.id("password")).sendKeys("pas-le-bon-" + i);
            navigate(By.cssSelector("form.formulaire button[type=submit]"));
        }
        String alert = browser.findElement(By.cssSelector("[role=alert]")).getText();
        assertTrue(alert.contains("Trop d'essais infructueux") && alert.contains("bloqué pendant 1 minute"), alert);
        assertEquals("true", browser.findElement(By.id("password")).getDomAttribute("aria-invalid"));
        accessible("connexion-bloquee");
        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(ConsoleHttpTest.PASSWORD);
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        assertTrue(browser.getCurrentUrl().endsWith("/connexion"), "still locked");
    }

    @Test
    void aFormFromAnotherPageLoadIsRefusedAfterSigningOutEverywhere() throws IOException {
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 12), TestTime.todayInParis().plusDays(4),
                "09:00");
        String email = ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", center);
        browser.manage().deleteAllCookies();
        browser.get(server.resolve("/connexion").toString());
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(ConsoleHttpTest.PASSWORD);
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        browser.get(server.resolve("/console/sessions/" + session).toString());
        // The page's hidden CSRF token is replaced, as a forged form would carry another one.
        browser.executeScript("document.querySelector('form.formulaire input[name=csrf]').value = 'jal_forged';");
        fill("nom", "Forge");
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        assertEquals("Formulaire refusé", browser.findElement(By.tagName("h1")).getText());
        accessible("formulaire-refuse");
        assertEquals(0, admin.get("/api/v1/sessions/" + session + "/enrolments").json().getJsonArray("items").size());

        browser.get(server.resolve("/console").toString());
        navigate(By.xpath("//button[normalize-space()='Me déconnecter partout']"));
        assertTrue(browser.getCurrentUrl().endsWith("/connexion"));
        browser.get(server.resolve("/console").toString());
        assertTrue(browser.getCurrentUrl().endsWith("/connexion"), "signed out");
    }

    @Test
    void anAdministratorOpensAnAccountWhoseOwnerChoosesAPasswordFromTheLink() throws Exception {
        String center = fixtures.center();
        String adminEmail = ConsoleHttpTest.account(admin, "ADMIN", null, null);
        browser.manage().deleteAllCookies();
        browser.get(server.resolve("/connexion").toString());
        browser.findElement(By.id("email")).sendKeys(adminEmail);
        browser.findElement(By.id("password")).sendKeys(ConsoleHttpTest.PASSWORD);
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        navigate(By.linkText("Utilisateurs"));
        accessible("utilisateurs");
        navigate(By.linkText("Ouvrir un compte"));
        assertTrue(browser.findElement(By.id("structure-centre")).isDisplayed(), "staff is the default role: its centre");
        assertFalse(browser.findElement(By.id("structure-collectivite")).isDisplayed(), "the other structures are hidden");
        browser.findElement(By.cssSelector("input[name=role][value=HR]")).click();
        assertTrue(browser.findElement(By.id("structure-collectivite")).isDisplayed(), "HR: the authority is asked for");
        assertFalse(browser.findElement(By.id("structure-centre")).isDisplayed());
        browser.findElement(By.cssSelector("input[name=role][value=CENTER_STAFF]")).click();
        accessible("utilisateur-nouveau");
        String email = "nouvelle-" + UUID.randomUUID() + "@example.org";
        fill("nom", "Maïa Lartigau");
        fill("email", email);
        new Select(browser.findElement(By.id("structure-centre"))).selectByValue(center);
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("Le compte est créé"));

        browser.manage().deleteAllCookies();
        browser.get(server.resolve(PasswordPagesHttpTest.linksSentTo(email).getFirst()).toString());
        assertEquals("Choisir votre mot de passe", browser.findElement(By.tagName("h1")).getText());
        accessible("mot-de-passe");
        fill("password", "Une phrase pour la gare de Dax");
        fill("confirmation", "Une phrase pour la gare de Dax");
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("Votre mot de passe est "
                + "enregistré"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("Une phrase pour la gare de Dax");
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        assertEquals("Bonjour Maïa Lartigau", browser.findElement(By.tagName("h1")).getText());
    }

    @Test
    void onATabletStaffCheckCandidatesInWithOneTouchEach() throws IOException {
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 10), TestTime.todayInParis().plusDays(20),
                "09:00");
        String anne = fixtures.enrol(session, "Lartigue", "Anne", "1980-04-02");
        String bruno = fixtures.enrol(session, "Bordes", "Bruno", "1975-11-30");
        Fixtures.startedAnHourAgo(session);
        String email = ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", center);
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(820, 1180));
        try {
            browser.get(server.resolve("/connexion").toString());
            browser.findElement(By.id("email")).sendKeys(email);
            browser.findElement(By.id("password")).sendKeys(ConsoleHttpTest.PASSWORD);
            navigate(By.cssSelector("form.formulaire button[type=submit]"));
            browser.get(server.resolve("/console/sessions/" + session).toString());
            navigate(By.partialLinkText("Jour de la session"));
            accessible("session-jour");
            WebElement line = browser.findElement(By.id("c-" + anne));
            assertFalse(line.findElement(By.cssSelector("details.deroule")).isDisplayed(), "no report before check-in");
            browser.executeScript("window.jalonSamePage = true;");
            line.findElement(By.cssSelector("button[value=PRESENT]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> "true".equals(driver.findElement(
                    By.cssSelector("#c-" + anne + " button[value=PRESENT]")).getDomAttribute("aria-pressed")));
            assertEquals(Boolean.TRUE, browser.executeScript("return window.jalonSamePage === true;"), "no reload");
            assertEquals("Présent(e)", browser.findElement(By.cssSelector("#c-" + anne + " .emargement-statut")).getText());
            assertTrue(browser.findElement(By.cssSelector("#c-" + anne + " details.deroule")).isDisplayed(),
                    "the report opens for a present candidate");
            browser.findElement(By.cssSelector("#c-" + bruno + " button[value=ABSENT]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> "true".equals(driver.findElement(
                    By.cssSelector("#c-" + bruno + " button[value=ABSENT]")).getDomAttribute("aria-pressed")));
            assertEquals("PRESENT", admin.get("/api/v1/enrolments/" + anne).json().getString("status"));
            assertEquals("ABSENT", admin.get("/api/v1/enrolments/" + bruno).json().getString("status"));
            browser.navigate().refresh();
            assertEquals("true", browser.findElement(By.cssSelector("#c-" + bruno + " button[value=ABSENT]"))
                    .getDomAttribute("aria-pressed"), "kept after a reload");
            accessible("session-jour-emargement");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    private void signInAs(String email) {
        browser.manage().deleteAllCookies();
        browser.get(server.resolve("/connexion").toString());
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(ConsoleHttpTest.PASSWORD);
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
    }

    @Test
    void anAdviserFindsTheCommuneByItsNameAndRefersSomeone() throws IOException {
        Fixtures.Partner partner = fixtures.partner();
        signInAs(ConsoleHttpTest.account(admin, "ADVISER", "organisationId", partner.organisation()));
        navigate(By.linkText("Orientations"));
        navigate(By.linkText("Orienter une personne"));
        accessible("orientation-formulaire");
        fill("nom", "Haddad-" + Fixtures.uniqueLetters());
        fill("prenom", "Samira");
        browser.findElement(By.cssSelector("input[name=sexe][value=F]")).click();
        browser.findElement(By.id("dateNaissance")).sendKeys("08031994");
        fill("inseeNaissance", "40192");
        browser.findElement(By.id("communeResidence")).sendKeys("Mont-de-Mar");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !driver.findElements(
                By.cssSelector("#communes-communeResidence option[value='40192']")).isEmpty());
        WebElement option = browser.findElement(By.cssSelector("#communes-communeResidence option[value='40192']"));
        assertTrue(option.getDomAttribute("label").startsWith("Mont-de-Marsan"), option.getDomAttribute("label"));
        fill("communeResidence", "40192");
        assertEquals("Mont-de-Marsan (40)", browser.findElement(By.cssSelector("#communeResidence ~ .commune-trouvee"))
                .getText(), "the commune chosen is said beside the field");
        browser.findElement(By.cssSelector("input[name=consentement]")).click();
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("L'orientation est envoyée"));
        accessible("orientations");
        String referral = browser.getCurrentUrl().replaceAll(".*envoyee=([0-9a-f-]{36}).*", "$1");
        String session = fixtures.session(fixtures.room(fixtures.site(partner.center()), 10),
                TestTime.todayInParis().plusDays(9), "09:00");
        assertEquals(200, partner.staff().post("/api/v1/referrals/" + referral + "/accept",
                Jsons.createObjectBuilder().add("sessionId", session).build()).status());
        browser.navigate().refresh();
        assertTrue(browser.findElement(By.tagName("table")).getText().contains("acceptée : inscription à une session"),
                "the adviser sees the status change");
        navigate(By.cssSelector("a[href='/console/orientations/" + referral + "']"));
        navigate(By.partialLinkText("Convocation"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Convocation"));
        accessible("convocation");
    }

    @Test
    void hrRunACampaignFromInvitationsToTheReportAndSendAgentsToCertification() throws IOException {
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 20), TestTime.todayInParis().plusDays(25),
                "14:00");
        String authority = admin.post("/api/v1/local-authorities", Jsons.createObjectBuilder()
                .add("name", Fixtures.unique("Commune de Dax")).add("kind", "COMMUNE").add("siren", "214000887")
                .add("centerIds", Jsons.createArrayBuilder().add(center)).build()).id();
        String tag = Fixtures.uniqueLetters();
        StringBuilder agents = new StringBuilder("Matricule;Nom de naissance;Prénom;Date de naissance (JJ/MM/AAAA);"
                + "E-mail professionnel;Service;Sexe (M ou F);Code INSEE de la commune de naissance;Pays de naissance;"
                + "Commune de résidence (code INSEE)\r\n");
        for (int i = 0; i < 14; i++) {
            agents.append("M").append(tag).append(i).append(";Agent-").append(tag).append('-').append(Fixtures.letters(i))
                    .append(";Camille;").append(String.format("%02d/03/19%02d", 1 + i, 60 + i)).append(";;;")
                    .append(i % 2 == 0 ? "F" : "M").append(";40088;France;40088\r\n");
        }
        assertEquals(200, admin.send("POST", "/api/v1/local-authorities/" + authority + "/agents/import", "text/csv",
                agents.toString()).status());
        signInAs(ConsoleHttpTest.account(admin, "HR", "authorityId", authority));
        navigate(By.linkText("Campagnes"));
        navigate(By.linkText("Nouvelle campagne"));
        accessible("campagne-nouvelle");
        fill("nom", "Compétences 2027");
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("La campagne est créée"));
        String campaign = browser.getCurrentUrl().replaceAll(".*/console/campagnes/([0-9a-f-]{36}).*", "$1");
        browser.findElement(By.cssSelector("input[name=tous]")).click();
        navigate(By.xpath("//button[normalize-space()='Inviter']"));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("14 agent(s) invité(s)"));
        navigate(By.xpath("//button[normalize-space()='Ouvrir la campagne']"));

        PixOrgaCsv export = PixOrgaCsv.assessment(admin.get("/api/v1/campaigns/" + campaign).json().getString("code"),
                "Matricule", PixOrgaCsv.COMPETENCES);
        for (int i = 0; i < 14; i++) {
            export.assessmentRow("M" + tag + i, "Agent-" + tag + "-" + Fixtures.letters(i), "Camille", 1, true,
                    0.2 + (i % 7) / 10.0);
        }
        browser.findElement(By.id("fichier")).sendKeys(file("export.csv", export.bytes()));
        navigate(By.xpath("//button[normalize-space()='Importer']"));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("14 participation(s)"));
        accessible("campagne");

        navigate(By.linkText("Résultats collectifs"));
        WebElement chart = browser.findElement(By.cssSelector("svg.graphique"));
        assertTrue(chart.isDisplayed() && chart.getSize().getWidth() > 100, "the chart is drawn");
        accessible("campagne-rapport");
        browser.navigate().back();
        List<WebElement> boxes = browser.findElements(By.cssSelector("input[name=agent]"));
        boxes.get(0).click();
        boxes.get(1).click();
        new Select(browser.findElement(By.id("session"))).selectByValue(session);
        navigate(By.xpath("//button[normalize-space()='Inscrire à la session']"));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("2 agent(s) inscrit(s)"),
                browser.findElement(By.cssSelector("[role=status]")).getText());
        assertEquals(2, admin.get("/api/v1/sessions/" + session + "/enrolments").json().getJsonArray("items").size());
    }

    @Test
    void anInvigilatorConfirmsTheSessionTheyArePlannedFor() throws IOException {
        String center = fixtures.center();
        String site = fixtures.site(center);
        LocalDate tuesday = TestTime.todayInParis().plusDays(50).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        String session = fixtures.session(fixtures.room(site, 10), tuesday, "09:00");
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
        String invigilator = staff.post("/api/v1/invigilators", Jsons.createObjectBuilder().add("kind", "VOLUNTEER")
                .add("firstName", "Paul").add("lastName", "Lacoste").add("homeInsee", "40088").add("trainedPix", true)
                .add("maxPerWeek", 2).add("maxPerMonth", 6).add("siteIds", Jsons.createArrayBuilder().add(site))
                .add("availability", Jsons.createObjectBuilder().add("weekly", Jsons.createArrayBuilder()
                        .add("TUESDAY_MORNING"))).build()).id();
        assertEquals(201, staff.post("/api/v1/sessions/" + session + "/assignments", Jsons.createObjectBuilder()
                .add("invigilatorId", invigilator).build()).status());
        String email = ConsoleHttpTest.account(admin, "INVIGILATOR", "centerId", center);
        assertEquals(200, staff.put("/api/v1/invigilators/" + invigilator + "/user", Jsons.createObjectBuilder()
                .add("userId", ConsoleHttpTest.userId(email)).build()).status());
        signInAs(email);
        navigate(By.linkText("Mes surveillances"));
        accessible("surveillances");
        navigate(By.xpath("//button[normalize-space()='Je confirme']"));
        assertTrue(browser.findElement(By.cssSelector(".carte")).getText().contains("confirm"),
                browser.findElement(By.cssSelector(".carte")).getText());
        assertEquals("CONFIRMED", staff.get("/api/v1/sessions/" + session + "/assignments").json().getJsonArray("items")
                .getJsonObject(0).getString("status"));
    }

    @Test
    void theAgencyRunsTheFragilityIndexTwiceAndComparesAndTheVerificationPageIsAccessible() throws IOException {
        String vintage = "NAV-" + Fixtures.uniqueLetters();
        try (InputStream inputs = getClass().getResourceAsStream("/fragility/landes-iris-rp2016.csv");
             InputStream references = getClass().getResourceAsStream("/fragility/landes-references-2016.csv")) {
            assertEquals(200, admin.sendBytes("POST", "/api/v1/fragility/inputs?vintage=" + vintage, "text/csv",
                    inputs.readAllBytes()).status());
            assertEquals(200, admin.sendBytes("POST", "/api/v1/fragility/references", "text/csv",
                    references.readAllBytes()).status());
        }
        signInAs(ConsoleHttpTest.account(admin, "ADMIN", null, null));
        navigate(By.linkText("Indice de fragilité"));
        accessible("fragilite");
        fill("millesime", vintage);
        new Select(browser.findElement(By.id("niveau"))).selectByValue("EPCI");
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        WebElement map = browser.findElement(By.cssSelector("figure.carte-svg img"));
        assertTrue(Boolean.TRUE.equals(browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;",
                map)), "the map is drawn");
        navigate(By.linkText("Score global"));
        assertEquals("ascending", browser.findElement(By.cssSelector("th[aria-sort]")).getDomAttribute("aria-sort"));
        accessible("fragilite-evaluation");
        String first = browser.getCurrentUrl().replaceAll(".*/console/fragilite/([0-9a-f-]{36}).*", "$1");
        browser.get(server.resolve("/console/fragilite").toString());
        fill("millesime", vintage);
        new Select(browser.findElement(By.id("niveau"))).selectByValue("EPCI");
        fill("reference", "epci:244000675");
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        String second = browser.getCurrentUrl().replaceAll(".*/console/fragilite/([0-9a-f-]{36}).*", "$1");
        browser.get(server.resolve("/console/fragilite").toString());
        new Select(browser.findElement(By.id("a"))).selectByValue(first);
        new Select(browser.findElement(By.id("b"))).selectByValue(second);
        navigate(By.xpath("//button[normalize-space()='Comparer']"));
        assertEquals("Comparaison de deux évaluations", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElements(By.cssSelector("tbody tr")).size() >= 18, "every EPCI compared");
        accessible("fragilite-comparaison");

        browser.manage().deleteAllCookies();
        browser.get(server.resolve("/verify").toString());
        assertEquals("Vérification d'une attestation de certification Pix", browser.findElement(By.tagName("h1")).getText());
        fill("code", "P-BCDF2346");
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("Aucune attestation"));
        accessible("verification");
    }

    /** A file of this test run, for a file input (the browser reads it from the disk). */
    private static String file(String name, byte[] content) throws IOException {
        Path path = Files.createTempDirectory("jalon-upload").resolve(name);
        Files.write(path, content);
        return path.toAbsolutePath().toString();
    }

    /** What the browser gets from a link with its session cookie: status and content type. */
    private static String fetched(String href) {
        return String.valueOf(browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {"
                + "done(r.status + ' ' + r.headers.get('Content-Type')); }).catch(function (e) { done('error ' + e); });",
                href));
    }

    @Test
    void staffScheduleImportCheckInFinalizeImportResultsAndDownloadAttestations() throws IOException {
        String center = fixtures.center();
        String siteName = Fixtures.unique("Maison France Services");
        String site = admin.post("/api/v1/centers/" + center + "/sites", Fixtures.siteBody(siteName).build()).id();
        String room = admin.post("/api/v1/sites/" + site + "/rooms", Fixtures.roomBody("Salle Adour", 12).build()).id();
        LocalDate day = TestTime.todayInParis().plusDays(35);
        signInAs(ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", center));

        navigate(By.linkText("Sessions"));
        navigate(By.linkText("Programmer une session"));
        accessible("session-nouvelle");
        new Select(browser.findElement(By.id("salle"))).selectByValue(room);
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id("date")), day.toString());
        browser.executeScript("arguments[0].value = '09:30';", browser.findElement(By.id("heure")));
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("La session est programmée"));
        String session = browser.getCurrentUrl().replaceAll(".*/console/sessions/([0-9a-f-]{36}).*", "$1");

        String tag = Fixtures.uniqueLetters();
        String line = ";" + siteName + ";Salle Adour;" + day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + ";09:30;Marie Lafitte;;";
        String pix = "\uFEFF" + PIX_HEADER + "\r\n"
                + line + "Lartigau-" + tag + ";Maïa;12/04/1988;F;40192;;;France;;;;;Gratuite;;\r\n"
                + line + "Bordes-" + tag + ";Pierre;03/07/1961;M;40088;;;France;;;;;Gratuite;;\r\n";
        browser.get(server.resolve("/console/sessions").toString());
        navigate(By.linkText("Importer un fichier Pix Certif"));
        browser.findElement(By.id("fichier")).sendKeys(file("pix.csv", pix.getBytes(StandardCharsets.UTF_8)));
        navigate(By.cssSelector("button[name=etape][value=verifier]"));
        assertTrue(browser.findElement(By.id("titre-verification")).getText().contains("Ce que l'import ferait"));
        accessible("sessions-import");
        navigate(By.xpath("//button[normalize-space()='Importer ce fichier']"));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("Le fichier est importé."));

        Fixtures.startedAnHourAgo(session);
        browser.get(server.resolve("/console/sessions/" + session + "/jour").toString());
        for (WebElement present : browser.findElements(By.cssSelector("button[value=PRESENT]"))) {
            present.click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> "true".equals(present.getDomAttribute(
                    "aria-pressed")));
        }
        navigate(By.xpath("//button[normalize-space()='Finaliser la session']"));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("La session est finalisée"));

        navigate(By.linkText("Résultats et attestations"));
        String results = ResultsCsv.v2026().row(ResultsCsv.newNumber(), "Maïa", "Lartigau-" + tag, "12/04/1988", "Validée",
                "412", ResultsCsv.levels(3), "", "RAS", 500_123).row(ResultsCsv.newNumber(), "Pierre", "Bordes-" + tag,
                "03/07/1961", "Validée", "288", ResultsCsv.levels(2), "", "RAS", 500_123).text();
        browser.findElement(By.id("fichier")).sendKeys(file("resultats.csv", results.getBytes(StandardCharsets.UTF_8)));
        navigate(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]"));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("2 nouveau(x)"));
        accessible("session-resultats");
        String pdf = browser.findElements(By.partialLinkText("PDF")).getFirst().getDomAttribute("href");
        assertEquals("200 application/pdf", fetched(pdf), "a candidate's attestation downloads");
        browser.navigate().refresh();
        assertEquals("200 application/zip", fetched(browser.findElement(By.partialLinkText("Toutes en ZIP"))
                .getDomAttribute("href")));
    }

    /**
     * Clicks what leads to another page and waits until the current one is gone: a click returns as soon as the
     * event is dispatched, and the next {@code get} would otherwise cancel the submission in flight.
     */
    private static void navigate(By target) {
        navigate(browser.findElement(target));
    }

    private static void navigate(WebElement target) {
        browser.executeScript("window.jalonPreviousPage = true;");
        target.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(WebDriverException.class).until(driver ->
                Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                        "return window.jalonPreviousPage === undefined && document.readyState === 'complete';")));
    }

    private void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** axe-core on the page as it is: no serious or critical violation; and its screenshot. */
    private void accessible(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(browser);
        assertTrue(results.getPasses().size() >= 10, name + ": axe-core ran its checks (" + results.getPasses().size()
                + " passed)");
        List<Rule> violations = results.getViolations();
        Files.writeString(SCREENSHOTS.resolve(name + ".axe.txt"), results.getPasses().size() + " rules passed, "
                + violations.size() + " violated\n" + violations.stream()
                .map(r -> r.getImpact() + " " + r.getId() + ": " + r.getHelp() + " (" + r.getNodes().size() + ")")
                .collect(Collectors.joining("\n", "", "\n")));
        List<String> blocking = violations.stream().filter(r -> "serious".equals(r.getImpact())
                        || "critical".equals(r.getImpact()))
                .map(r -> r.getId() + ": " + r.getHelp() + " " + r.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                        .toList()).toList();
        assertEquals(List.of(), blocking, name + " — axe-core");
    }
}
