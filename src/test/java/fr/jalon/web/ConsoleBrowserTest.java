package fr.jalon.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
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
    }

    @Test
    void hrReadTheCollectiveReportWithItsCharts() throws IOException {
        String authority = admin.post("/api/v1/local-authorities", Jsons.createObjectBuilder()
                .add("name", Fixtures.unique("Commune de Dax")).add("kind", "COMMUNE").add("siren", "214000887").build())
                .id();
        String campaign = admin.post("/api/v1/campaigns", Jsons.createObjectBuilder().add("authorityId", authority)
                .add("name", "Compétences 2027").add("type", "ASSESSMENT").add("startsOn", TestTime.todayInParis().toString())
                .add("endsOn", TestTime.todayInParis().plusDays(30).toString()).build()).id();
        signInAs(ConsoleHttpTest.account(admin, "HR", "authorityId", authority));
        navigate(By.linkText("Campagnes"));
        accessible("campagnes");
        navigate(By.linkText("Compétences 2027"));
        accessible("campagne");
        navigate(By.linkText("Résultats collectifs"));
        assertTrue(browser.getCurrentUrl().endsWith("/console/campagnes/" + campaign + "/rapport"));
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("non publié"),
                "with nobody invited, every figure is withheld and says why");
        accessible("campagne-rapport");
    }

    @Test
    void theAgencyReadsTheFragilityMapAndTheVerificationPageIsAccessible() throws IOException {
        signInAs(ConsoleHttpTest.account(admin, "ADMIN", null, null));
        navigate(By.linkText("Indice de fragilité"));
        accessible("fragilite");
        browser.manage().deleteAllCookies();
        browser.get(server.resolve("/verify").toString());
        assertEquals("Vérification d'une attestation de certification Pix", browser.findElement(By.tagName("h1")).getText());
        fill("code", "P-BCDF2346");
        navigate(By.cssSelector("form.formulaire button[type=submit]"));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("Aucune attestation"));
        accessible("verification");
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
