package fr.jalon.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agency runs the fragility index from the console, reads its map and units, and compares two runs. */
@HttpTest
class FragilityPagesHttpTest {

    private static final Pattern ROW = Pattern.compile("<tr><th scope=\"row\">([^<]+) <span class=\"aide\">(\\d+)</span></th>"
            + "(?:<td class=\"nombre\">[^<]*</td>){4}<td class=\"nombre\">([^<]*)</td></tr>");

    private final URI server;
    private final ApiClient admin;
    private final Fixtures fixtures;

    FragilityPagesHttpTest(URI server, ApiClient admin, Fixtures fixtures) {
        this.server = server;
        this.admin = admin;
        this.fixtures = fixtures;
    }

    /** The Landes inputs under a vintage of this test's own (the shipped data set is loaded in embedded mode only). */
    private String vintage() throws IOException {
        String vintage = "PAGES-" + Fixtures.uniqueLetters();
        try (InputStream inputs = getClass().getResourceAsStream("/fragility/landes-iris-rp2016.csv");
             InputStream references = getClass().getResourceAsStream("/fragility/landes-references-2016.csv")) {
            assertEquals(200, admin.sendBytes("POST", "/api/v1/fragility/inputs?vintage=" + vintage, "text/csv",
                    inputs.readAllBytes()).status());
            assertEquals(200, admin.sendBytes("POST", "/api/v1/fragility/references", "text/csv",
                    references.readAllBytes()).status());
        }
        return vintage;
    }

    @Test
    void staffEvaluateTheLandesSortTheCommunesAndCompareTwoReferences() throws IOException {
        String vintage = vintage();
        ConsoleClient browser = new ConsoleClient(server);
        browser.signIn(ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", fixtures.center()), ConsoleHttpTest.PASSWORD);
        ConsoleClient.Page page = browser.get("/console/fragilite");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("value=\"RP2016\"") && page.body().contains("value=\"departement:40\""),
                "the shipped data set is proposed");

        ConsoleClient.Page bad = browser.post("/console/fragilite", Map.of("csrf", page.csrf(), "millesime", "RP1999",
                "niveau", "COMMUNE", "reference", "departement:40", "annee", "deux mille"));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("id=\"erreur-annee\""), bad.body());

        ConsoleClient.Page first = browser.post("/console/fragilite", Map.of("csrf", page.csrf(), "millesime", vintage,
                "niveau", "COMMUNE", "reference", "departement:40", "annee", ""));
        assertEquals(303, first.status(), first.body());
        String evaluation = first.header("Location").orElseThrow();
        ConsoleClient.Page units = browser.get(evaluation + "?tri=scoreGlobal&ordre=decroissant");
        assertEquals(200, units.status());
        List<Double> scores = new ArrayList<>();
        Matcher rows = ROW.matcher(units.body());
        while (rows.find()) {
            scores.add(rows.group(3).equals("—") ? Double.NaN : Double.parseDouble(rows.group(3).replace(',', '.')));
        }
        assertTrue(scores.size() >= 320, "every commune of the Landes: " + scores.size());
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(Double.isNaN(scores.get(i)) || scores.get(i) <= scores.get(i - 1), "sorted, most fragile first");
        }
        assertTrue(units.body().contains("aria-sort=\"descending\""));
        ConsoleClient.Page map = browser.get(evaluation + "/carte.svg");
        assertEquals(200, map.status());
        assertTrue(map.header("Content-Type").orElseThrow().startsWith("image/svg+xml"));
        assertTrue(map.body().contains("<svg") && map.body().contains("</svg>"));

        ConsoleClient.Page second = browser.post("/console/fragilite", Map.of("csrf", page.csrf(), "millesime", vintage,
                "niveau", "COMMUNE", "reference", "epci:244000675", "annee", ""));
        assertEquals(303, second.status(), second.body());
        String a = evaluation.substring(evaluation.lastIndexOf('/') + 1);
        String b = second.header("Location").orElseThrow().replaceAll(".*/", "");
        ConsoleClient.Page compared = browser.get("/console/fragilite/comparaison?a=" + a + "&b=" + b);
        assertEquals(200, compared.status());
        assertTrue(compared.body().contains("intercommunalité 244000675"), compared.body());
        assertTrue(ROW.matcher(compared.body()).results().count() >= 320, "every commune compared");
        assertEquals(404, browser.get("/console/fragilite/" + UUID.randomUUID()).status());
    }
}
