package fr.jalon.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff run the automatic staffing of a period from the console, read why a place stays empty, and publish. */
@HttpTest
class PoolPagesHttpTest {

    private static final Pattern PUBLISH = Pattern.compile("/console/surveillants/planification/([0-9a-f-]{36})/publier");

    private final URI server;
    private final ApiClient admin;
    private final Fixtures fixtures;

    PoolPagesHttpTest(URI server, ApiClient admin, Fixtures fixtures) {
        this.server = server;
        this.admin = admin;
        this.fixtures = fixtures;
    }

    @Test
    void staffPlanAPeriodSeeTheEmptyPlaceAndItsReasonThenPublish() {
        String center = fixtures.center();
        String site = fixtures.site(center);
        LocalDate tuesday = TestTime.todayInParis().plusDays(60).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        String morning = fixtures.session(fixtures.room(site, 10), tuesday, "09:00");
        String afternoon = fixtures.session(fixtures.room(site, 10), tuesday, "14:00");
        ApiClient api = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
        assertEquals(201, api.post("/api/v1/invigilators", Jsons.createObjectBuilder().add("kind", "VOLUNTEER")
                .add("firstName", "Paul").add("lastName", "Lacoste-" + Fixtures.uniqueLetters())
                .add("homeInsee", "40088").add("trainedPix", true).add("maxPerWeek", 2).add("maxPerMonth", 6)
                .add("siteIds", Jsons.createArrayBuilder().add(site))
                .add("availability", Jsons.createObjectBuilder().add("weekly", Jsons.createArrayBuilder()
                        .add("TUESDAY_MORNING"))).build()).status());
        ConsoleClient staff = new ConsoleClient(server);
        staff.signIn(ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", center), ConsoleHttpTest.PASSWORD);
        ConsoleClient.Page pool = staff.get("/console/surveillants");
        assertEquals(200, pool.status());
        assertTrue(pool.body().contains("Paul Lacoste-"), "the pool is listed");

        ConsoleClient.Page backwards = staff.post("/console/surveillants/planification", Map.of("csrf", pool.csrf(), "du",
                tuesday.toString(), "au", tuesday.minusDays(3).toString()));
        assertEquals(422, backwards.status(), backwards.body());
        assertTrue(backwards.body().contains("Pas de plan"), backwards.body());

        ConsoleClient.Page plan = staff.post("/console/surveillants/planification", Map.of("csrf", pool.csrf(), "du",
                tuesday.toString(), "au", tuesday.toString()));
        assertEquals(200, plan.status(), plan.body());
        assertTrue(plan.body().contains("1 place(s) pourvue(s) sur 2"), plan.body());
        assertTrue(plan.body().contains("href=\"/console/sessions/" + morning + "\""), "the morning is staffed");
        int empty = plan.body().indexOf("Places vides et pourquoi");
        assertTrue(empty > 0 && plan.body().indexOf("/console/sessions/" + afternoon, empty) > 0,
                "the afternoon stays empty, with its reason: " + plan.body());
        assertEquals(0, api.get("/api/v1/sessions/" + morning + "/assignments").json().getJsonArray("items").size(),
                "a plan changes nothing before it is published");

        Matcher publish = PUBLISH.matcher(plan.body());
        assertTrue(publish.find());
        ConsoleClient.Page published = staff.post(publish.group(), Map.of("csrf", pool.csrf()));
        assertEquals(303, published.status(), published.body());
        assertTrue(staff.get(published.header("Location").orElseThrow()).body().contains("Le plan est publié"));
        assertEquals(1, api.get("/api/v1/sessions/" + morning + "/assignments").json().getJsonArray("items").size());
        assertTrue(staff.get("/console/sessions/" + morning).body().contains("<li>Paul Lacoste-"),
                "the session's page names its invigilator");

        ConsoleClient outsider = new ConsoleClient(server);
        outsider.signIn(ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", fixtures.center()),
                ConsoleHttpTest.PASSWORD);
        assertEquals(404, outsider.post(publish.group(), Map.of("csrf", outsider.get("/console").csrf())).status());
    }
}
