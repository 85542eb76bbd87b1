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

/** An invigilator answers the centre's plan from the console and subscribes to their calendar. */
@HttpTest
class InvigilatorPagesHttpTest {

    private final URI server;
    private final ApiClient admin;
    private final Fixtures fixtures;

    InvigilatorPagesHttpTest(URI server, ApiClient admin, Fixtures fixtures) {
        this.server = server;
        this.admin = admin;
        this.fixtures = fixtures;
    }

    @Test
    void anInvigilatorConfirmsTheSessionTheyArePlannedForAndGetsTheirCalendar() {
        String center = fixtures.center();
        String site = fixtures.site(center);
        LocalDate tuesday = TestTime.todayInParis().plusDays(50).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        String session = fixtures.session(fixtures.room(site, 10), tuesday, "09:00");
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
        String invigilator = staff.post("/api/v1/invigilators", Jsons.createObjectBuilder().add("kind", "VOLUNTEER")
                .add("firstName", "Paul").add("lastName", "Lacoste").add("email", "paul.lacoste@example.org")
                .add("homeInsee", "40088").add("trainedPix", true).add("maxPerWeek", 2).add("maxPerMonth", 6)
                .add("siteIds", Jsons.createArrayBuilder().add(site))
                .add("availability", Jsons.createObjectBuilder().add("weekly", Jsons.createArrayBuilder()
                        .add("TUESDAY_MORNING"))).build()).id();
        String plan = staff.post("/api/v1/assignments/plans", Jsons.createObjectBuilder().add("from", tuesday.toString())
                .add("to", tuesday.toString()).add("seconds", 1).build()).id();
        assertEquals(200, staff.post("/api/v1/assignments/plans/" + plan + "/publish", Jsons.createObjectBuilder().build())
                .status());
        String email = ConsoleHttpTest.account(admin, "INVIGILATOR", "centerId", center);
        String user = ConsoleHttpTest.userId(email);
        assertEquals(200, staff.put("/api/v1/invigilators/" + invigilator + "/user", Jsons.createObjectBuilder()
                .add("userId", user).build()).status());

        ConsoleClient phone = new ConsoleClient(server);
        assertEquals(303, phone.signIn(email, ConsoleHttpTest.PASSWORD).status());
        ConsoleClient.Page page = phone.get("/console/surveillances");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Statut : <strong>à confirmer</strong>"), page.body());
        Matcher confirm = Pattern.compile("action=\"(/console/surveillances/[0-9a-f-]{36})/confirmer\"").matcher(page.body());
        assertTrue(confirm.find());
        String assignment = confirm.group(1);

        ConsoleClient.Page noReason = phone.post(assignment + "/decliner", Map.of("csrf", page.csrf(), "raison", ""));
        assertEquals(422, noReason.status());
        assertTrue(noReason.body().contains("indiquez une raison"), noReason.body());
        ConsoleClient.Page confirmed = phone.post(assignment + "/confirmer", Map.of("csrf", page.csrf()));
        assertEquals(303, confirmed.status(), confirmed.body());
        assertTrue(phone.get(confirmed.header("Location").orElseThrow()).body().contains("Statut : <strong>confirmée</strong>"));
        assertEquals("CONFIRMED", staff.get("/api/v1/sessions/" + session + "/assignments").json().getJsonArray("items")
                .getJsonObject(0).getString("status"), "the centre sees the answer");

        ConsoleClient.Page calendar = phone.post("/console/surveillances/agenda", Map.of("csrf", page.csrf()));
        assertEquals(200, calendar.status());
        Matcher feed = Pattern.compile("href=\"(/calendars/[^\"]+\\.ics)\"").matcher(calendar.body());
        assertTrue(feed.find(), calendar.body());
        ApiClient.Answer ics = admin.as(null).get(feed.group(1));
        assertEquals(200, ics.status());
        assertTrue(ics.body().contains("BEGIN:VEVENT"), ics.body());
        assertEquals(303, new ConsoleClient(server).get("/console/surveillances").status(), "signed out: to the sign-in page");
    }
}
