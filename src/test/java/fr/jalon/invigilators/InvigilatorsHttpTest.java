package fr.jalon.invigilators;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.UUID;
import java.util.function.Supplier;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestTime;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The invigilator pool over HTTP: kept by the centre's staff, precise answers to bad input. */
@HttpTest
class InvigilatorsHttpTest {

    private final ApiClient admin;
    private final Fixtures fixtures;

    InvigilatorsHttpTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    private static JsonObjectBuilder body(String site) {
        return Jsons.createObjectBuilder()
                .add("kind", "VOLUNTEER").add("firstName", "Marie").add("lastName", "Lafitte")
                .add("email", "marie.lafitte@example.org").add("phone", "06 12 34 56 78").add("homeInsee", "40088")
                .add("trainedPix", true).add("habilitations", Jsons.createArrayBuilder().add("CLEA"))
                .add("maxPerWeek", 2).add("maxPerMonth", 6)
                .add("siteIds", Jsons.createArrayBuilder().add(site))
                .add("availability", Jsons.createObjectBuilder()
                        .add("weekly", Jsons.createArrayBuilder().add("TUESDAY_MORNING").add("THURSDAY_AFTERNOON"))
                        .add("exceptions", Jsons.createArrayBuilder().add(Jsons.createObjectBuilder().add("kind", "ABSENT")
                                .add("from", "2026-12-21").add("to", "2027-01-03").add("note", "congés"))));
    }

    @Test
    void staffKeepTheirPoolAndOthersSeeNothingOfIt() {
        String center = fixtures.center();
        String site = fixtures.site(center);
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));

        ApiClient.Answer created = staff.post("/api/v1/invigilators", body(site).build());
        assertEquals(201, created.status(), created.body());
        JsonObject invigilator = created.json();
        assertEquals(center, invigilator.getString("centerId"));
        assertEquals("+33612345678", invigilator.getString("phone"));
        assertEquals(2, invigilator.getJsonObject("availability").getJsonArray("weekly").size());
        assertEquals("ABSENT", invigilator.getJsonObject("availability").getJsonArray("exceptions").getJsonObject(0)
                .getString("kind"));

        ApiClient.Answer replaced = staff.put("/api/v1/invigilators/" + created.id(), body(site).add("maxPerWeek", 3)
                .add("active", false).build());
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals(3, replaced.json().getInt("maxPerWeek"));
        JsonObject stored = staff.get("/api/v1/invigilators/" + created.id()).json();
        assertFalse(stored.getBoolean("active"), "the deactivation is stored");
        assertEquals(3, stored.getInt("maxPerWeek"));
        assertTrue(staff.get("/api/v1/invigilators").json().getJsonArray("items").stream()
                .anyMatch(v -> v.asJsonObject().getString("id").equals(created.id())));

        ApiClient other = admin.as(fixtures.tokenFor("CENTER_STAFF", fixtures.center()));
        assertEquals(404, other.get("/api/v1/invigilators/" + created.id()).status());
        assertEquals(404, other.put("/api/v1/invigilators/" + created.id(), body(site).build()).status());
        assertTrue(other.get("/api/v1/invigilators").json().getJsonArray("items").isEmpty());
    }

    @Test
    void eachSessionNeedsOneInvigilatorPerTwentyCandidates() {
        String center = fixtures.center();
        String room = fixtures.room(fixtures.site(center), 50);
        LocalDate day = TestTime.todayInParis().plusDays(50);
        String session = fixtures.session(room, day, "09:00");
        String tag = Fixtures.uniqueLetters();
        for (int i = 0; i < 21; i++) {
            assertEquals(201, admin.post("/api/v1/sessions/" + session + "/enrolments", Fixtures.enrolmentBody(
                    Fixtures.personBody("Besoin-" + tag + "-" + Fixtures.letters(i), "Léo", "1985-05-05"))).status());
        }
        fixtures.session(room, day, "14:00");
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
        var needs = staff.get("/api/v1/invigilators/needs?from=" + day + "&to=" + day).json().getJsonArray("items");
        assertEquals(2, needs.size());
        assertEquals(2, needs.getJsonObject(0).getInt("required"), "21 candidates: 2 invigilators");
        assertEquals(1, needs.getJsonObject(1).getInt("required"), "an empty session still needs one");
        assertEquals(422, staff.get("/api/v1/invigilators/needs?from=" + day + "&to=" + day.plusMonths(4)).status());
    }

    @Test
    void aManualAssignmentIsCheckedAgainstEveryHardRule() {
        String center = fixtures.center();
        String dax = fixtures.site(center);
        String mont = fixtures.site(center);
        LocalDate tuesday = TestTime.todayInParis().plusDays(20)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        String morning = fixtures.session(fixtures.room(dax, 10), tuesday, "09:00");
        String nearby = fixtures.session(fixtures.room(mont, 10), tuesday, "11:15");
        String thursday = fixtures.session(fixtures.room(dax, 10), tuesday.plusDays(2), "09:00");
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
        String marie = staff.post("/api/v1/invigilators", body(dax).add("siteIds", Jsons.createArrayBuilder().add(dax).add(mont))
                .add("availability", Jsons.createObjectBuilder().add("weekly", Jsons.createArrayBuilder().add("TUESDAY_MORNING")))
                .build()).id();

        ApiClient.Answer assigned = staff.post("/api/v1/sessions/" + morning + "/assignments",
                Jsons.createObjectBuilder().add("invigilatorId", marie).build());
        assertEquals(201, assigned.status(), assigned.body());
        assertEquals(409, staff.post("/api/v1/sessions/" + morning + "/assignments",
                Jsons.createObjectBuilder().add("invigilatorId", marie).build()).status(), "already assigned");

        ApiClient.Answer tooClose = staff.post("/api/v1/sessions/" + nearby + "/assignments",
                Jsons.createObjectBuilder().add("invigilatorId", marie).build());
        assertEquals(422, tooClose.status());
        assertTrue(tooClose.body().contains("\"overlap\""), tooClose.body());
        ApiClient.Answer notFree = staff.post("/api/v1/sessions/" + thursday + "/assignments",
                Jsons.createObjectBuilder().add("invigilatorId", marie).build());
        assertEquals(422, notFree.status());
        assertTrue(notFree.body().contains("\"unavailable\""), notFree.body());

        assertEquals(1, staff.get("/api/v1/sessions/" + morning + "/assignments").json().getJsonArray("items").size());
        ApiClient other = admin.as(fixtures.tokenFor("CENTER_STAFF", fixtures.center()));
        assertEquals(404, other.get("/api/v1/sessions/" + morning + "/assignments").status());
        assertEquals(404, other.delete("/api/v1/assignments/" + assigned.id()).status());
        assertEquals(204, staff.delete("/api/v1/assignments/" + assigned.id()).status());
        assertEquals(201, staff.post("/api/v1/sessions/" + nearby + "/assignments",
                Jsons.createObjectBuilder().add("invigilatorId", marie).build()).status(), "free again once unassigned");
    }

    @Test
    void aPeriodIsStaffedAutomaticallyThenPublished() {
        String center = fixtures.center();
        String dax = fixtures.site(center);
        String mont = fixtures.site(center);
        LocalDate tuesday = TestTime.todayInParis().plusDays(30)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        String atDax = fixtures.session(fixtures.room(dax, 10), tuesday, "09:00");
        String atMont = fixtures.session(fixtures.room(mont, 10), tuesday, "09:00");
        String later = fixtures.session(fixtures.room(mont, 10), tuesday.plusDays(1), "09:00");
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
        String marie = staff.post("/api/v1/invigilators", body(dax).add("siteIds", Jsons.createArrayBuilder().add(dax).add(mont))
                .add("availability", Jsons.createObjectBuilder().add("weekly", Jsons.createArrayBuilder().add("TUESDAY_MORNING")))
                .build()).id();
        String paul = staff.post("/api/v1/invigilators", body(dax).add("firstName", "Paul").add("availability",
                Jsons.createObjectBuilder().add("weekly", Jsons.createArrayBuilder().add("TUESDAY_MORNING")))
                .build()).id();

        ApiClient.Answer planned = staff.post("/api/v1/assignments/plans", Jsons.createObjectBuilder()
                .add("from", tuesday.toString()).add("to", tuesday.plusDays(1).toString()).add("seconds", 2).build());
        assertEquals(201, planned.status(), planned.body());
        JsonObject plan = planned.json();
        assertTrue(plan.getBoolean("feasible"));
        assertEquals(3, plan.getInt("places"));
        assertEquals(2, plan.getInt("filled"), plan.toString());
        var who = new HashMap<String, String>();
        plan.getJsonArray("assignments").forEach(v -> who.put(v.asJsonObject().getString("sessionId"),
                v.asJsonObject().getString("invigilatorId")));
        assertEquals(marie, who.get(atMont), "only Marie covers that site");
        assertEquals(paul, who.get(atDax), "so Paul takes Dax");
        JsonObject unmet = plan.getJsonArray("unmet").getJsonObject(0);
        assertEquals(later, unmet.getString("sessionId"));
        assertTrue(unmet.getString("reason").contains("disponible"), unmet.toString());

        ApiClient.Answer published = staff.post("/api/v1/assignments/plans/" + planned.id() + "/publish",
                Jsons.createObjectBuilder().build());
        assertEquals(200, published.status(), published.body());
        assertEquals(1, staff.get("/api/v1/sessions/" + atMont + "/assignments").json().getJsonArray("items").size());
        assertEquals(409, staff.post("/api/v1/assignments/plans/" + planned.id() + "/publish",
                Jsons.createObjectBuilder().build()).status());
        ApiClient other = admin.as(fixtures.tokenFor("CENTER_STAFF", fixtures.center()));
        assertEquals(404, other.post("/api/v1/assignments/plans/" + planned.id() + "/publish",
                Jsons.createObjectBuilder().build()).status());
        assertEquals(422, other.post("/api/v1/assignments/plans", Jsons.createObjectBuilder()
                .add("from", tuesday.toString()).add("to", tuesday.toString()).build()).status(), "nothing to staff");
        assertEquals(422, staff.post("/api/v1/assignments/plans", Jsons.createObjectBuilder()
                .add("from", tuesday.toString()).add("to", tuesday.plusMonths(4).toString()).build()).status());
    }

    @Test
    void aDeclineIsReplannedMovingOnlyThePlaceItFreed() {
        String center = fixtures.center();
        String dax = fixtures.site(center);
        String mont = fixtures.site(center);
        LocalDate tuesday = TestTime.todayInParis().plusDays(44)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        String atDax = fixtures.session(fixtures.room(dax, 10), tuesday, "09:00");
        String atMont = fixtures.session(fixtures.room(mont, 10), tuesday, "09:00");
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
        // A builder is emptied once added: each body gets its own.
        Supplier<JsonObjectBuilder> tuesdays = () -> Jsons.createObjectBuilder()
                .add("weekly", Jsons.createArrayBuilder().add("TUESDAY_MORNING"));
        String marie = staff.post("/api/v1/invigilators", body(mont).add("siteIds", Jsons.createArrayBuilder().add(mont))
                .add("availability", tuesdays.get()).build()).id();
        String paul = staff.post("/api/v1/invigilators", body(dax).add("firstName", "Paul").add("availability", tuesdays.get())
                .build()).id();
        String plan = staff.post("/api/v1/assignments/plans", Jsons.createObjectBuilder().add("from", tuesday.toString())
                .add("to", tuesday.toString()).add("seconds", 1).build()).id();
        assertEquals(200, staff.post("/api/v1/assignments/plans/" + plan + "/publish", Jsons.createObjectBuilder().build())
                .status());

        // Paul has an invigilator account, sees his session and declines it.
        String user = admin.post("/api/v1/users", Jsons.createObjectBuilder().add("email", UUID.randomUUID()
                + "@example.org").add("displayName", "Paul").add("role", "INVIGILATOR").add("centerId", center).build()).id();
        ApiClient paulApp = admin.as(admin.post("/api/v1/users/" + user + "/tokens", Jsons.createObjectBuilder()
                .add("label", "app").build()).json().getString("token"));
        assertEquals(200, staff.put("/api/v1/invigilators/" + paul + "/user", Jsons.createObjectBuilder()
                .add("userId", user).build()).status());
        var mine = paulApp.get("/api/v1/me/assignments").json().getJsonArray("items");
        assertEquals(1, mine.size());
        String feed = paulApp.put("/api/v1/me/calendar", Jsons.createObjectBuilder().build()).json().getString("path");
        ApiClient anonymous = admin.as(null);
        ApiClient.Answer ics = anonymous.get(feed);
        assertEquals(200, ics.status(), ics.body());
        assertTrue(ics.contentType().startsWith("text/calendar") && ics.body().contains("BEGIN:VEVENT"), ics.body());
        String renewed = paulApp.put("/api/v1/me/calendar", Jsons.createObjectBuilder().build()).json().getString("path");
        assertEquals(404, anonymous.get(feed).status(), "a renewed calendar revokes the old address");
        assertEquals(200, anonymous.get(renewed).status());
        assertEquals(atDax, mine.getJsonObject(0).getString("sessionId"));
        assertEquals(422, paulApp.post("/api/v1/me/assignments/" + mine.getJsonObject(0).getString("id") + "/decline",
                Jsons.createObjectBuilder().build()).status(), "a reason is required");
        assertEquals(204, paulApp.post("/api/v1/me/assignments/" + mine.getJsonObject(0).getString("id") + "/decline",
                Jsons.createObjectBuilder().add("reason", "rendez-vous médical").build()).status());
        assertEquals(403, staff.post("/api/v1/me/assignments/" + mine.getJsonObject(0).getString("id") + "/confirm",
                Jsons.createObjectBuilder().build()).status(), "only the invigilator answers");

        assertTrue(!anonymous.get(renewed).body().contains("BEGIN:VEVENT"), "a declined session leaves the calendar");

        String jean = staff.post("/api/v1/invigilators", body(dax).add("firstName", "Jean").add("availability", tuesdays.get())
                .build()).id();
        JsonObject replanned = staff.post("/api/v1/assignments/plans", Jsons.createObjectBuilder()
                .add("from", tuesday.toString()).add("to", tuesday.toString()).add("seconds", 1).build()).json();
        var who = new HashMap<String, String>();
        replanned.getJsonArray("assignments").forEach(v -> who.put(v.asJsonObject().getString("sessionId"),
                v.asJsonObject().getString("invigilatorId")));
        assertEquals(jean, who.get(atDax), "the declined place goes to someone else, never back to Paul");
        assertEquals(marie, who.get(atMont), "the other place does not move");
    }

    @Test
    void badPoolEntriesAreAnsweredPrecisely() {
        String center = fixtures.center();
        String site = fixtures.site(center);
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));

        ApiClient.Answer noSite = staff.post("/api/v1/invigilators", body(site).add("siteIds", Jsons.createArrayBuilder())
                .build());
        assertEquals(422, noSite.status());
        assertTrue(noSite.body().contains("siteIds"), noSite.body());

        ApiClient.Answer foreignSite = staff.post("/api/v1/invigilators", body(fixtures.site(fixtures.center())).build());
        assertEquals(422, foreignSite.status());
        assertTrue(foreignSite.body().contains("other_center"), foreignSite.body());

        ApiClient.Answer backwards = staff.post("/api/v1/invigilators", body(site).add("availability",
                Jsons.createObjectBuilder().add("exceptions", Jsons.createArrayBuilder().add(Jsons.createObjectBuilder()
                        .add("kind", "ABSENT").add("from", "2027-01-10").add("to", "2027-01-03")))).build());
        assertEquals(422, backwards.status());
        assertTrue(backwards.body().contains("before_from"), backwards.body());

        ApiClient.Answer limits = staff.post("/api/v1/invigilators", body(site).add("maxPerWeek", 8).add("maxPerMonth", 4)
                .build());
        assertEquals(422, limits.status());
        assertTrue(limits.body().contains("above_month"), limits.body());

        ApiClient.Answer commune = staff.post("/api/v1/invigilators", body(site).add("homeInsee", "40999").build());
        assertEquals(422, commune.status());
        assertTrue(commune.body().contains("unknown_commune"), commune.body());
    }
}
