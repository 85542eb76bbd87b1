package fr.jalon.sessionday;

import java.net.URI;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session day over HTTP: attendance, reports and incidents, then finalization with Pix's rules. */
@ServerTest
class SessionDayHttpTest {

    private final ApiClient admin;
    private final Fixtures fixtures;

    SessionDayHttpTest(URI uri) {
        this.admin = ApiClient.of(uri, JalonServer.adminToken());
        this.fixtures = new Fixtures(admin);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        JalonServer.configure(server);
    }

    @Test
    void aSessionIsFinalizedOnlyOnceEveryRuleHolds() {
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 10), TestTime.todayInParis().plusDays(20), "09:00");
        String anne = fixtures.enrol(session, "D'Artigues", "Anne", "1980-04-02");
        String bruno = fixtures.enrol(session, "Lacoste-Labat", "Bruno", "1975-11-30");
        String chloe = fixtures.enrol(session, "Ézéchiel", "Chloé", "2001-01-15");
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));

        assertEquals(409, staff.put("/api/v1/enrolments/" + anne + "/day-report", Jsons.createObjectBuilder()
                .add("comment", "trop tôt").build()).status(), "nothing to report before the session starts");
        assertEquals(422, finalize(staff, session, "").status());

        Fixtures.startedAnHourAgo(session);
        attendance(staff, anne, "PRESENT");
        attendance(staff, anne, "PRESENT");
        assertEquals(1L, TestDatabase.get().database().client().execute()
                .get("SELECT count(*) AS n FROM enrolment_history WHERE enrolment_id = ? AND status = 'PRESENT'",
                        UUID.fromString(anne)).orElseThrow().column("n").getLong(),
                "the same attendance noted twice is recorded once");
        attendance(staff, bruno, "PRESENT");
        attendance(staff, bruno, "ABSENT");
        ApiClient.Answer missing = finalize(staff, session, "");
        assertEquals(422, missing.status());
        assertTrue(missing.body().contains("attendance_missing"), missing.body());

        attendance(staff, chloe, "PRESENT");
        assertEquals(200, staff.put("/api/v1/enrolments/" + chloe + "/day-report", Jsons.createObjectBuilder()
                .add("testFinished", false).build()).status());
        ApiClient.Answer noReason = finalize(staff, session, "");
        assertEquals(422, noReason.status());
        assertTrue(noReason.body().contains("abort_reason_missing"), noReason.body());

        // Reports are checked precisely.
        String startTime = staff.get("/api/v1/sessions/" + session).json().getString("startTime");
        assertEquals(422, staff.put("/api/v1/enrolments/" + bruno + "/day-report", Jsons.createObjectBuilder()
                .add("arrivedAt", "23:59").build()).status(), "an absent candidate has no arrival time");
        assertEquals(422, staff.put("/api/v1/enrolments/" + anne + "/day-report", Jsons.createObjectBuilder()
                .add("comment", "x".repeat(501)).build()).status());
        assertEquals(422, staff.put("/api/v1/enrolments/" + anne + "/day-report", Jsons.createObjectBuilder()
                .add("abortReason", "technical").build()).status(), "an abort reason needs an unfinished test");
        LocalTime start = LocalTime.parse(startTime);
        // Ten minutes late, without passing midnight when the test runs late in the evening.
        LocalTime late = start.isAfter(LocalTime.of(23, 48)) ? LocalTime.of(23, 59)
                : start.plusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
        JsonObject anneReport = staff.put("/api/v1/enrolments/" + anne + "/day-report", Jsons.createObjectBuilder()
                .add("arrivedAt", late.toString()).add("comment", "Arrivée en retard, bus manqué.").build()).json();
        assertEquals(late.toString(), anneReport.getString("arrivedAt"));

        assertEquals(422, incident(staff, chloe, Jsons.createObjectBuilder().add("category", "IN_CHALLENGE")
                .add("subcategory", "IMAGE_NOT_DISPLAYING").build()).status(), "a question problem names the question");
        assertEquals(422, incident(staff, chloe, Jsons.createObjectBuilder().add("category", "CANDIDATE_INFORMATIONS_CHANGES")
                .add("description", "nom").build()).status(), "which information changed");
        assertEquals(422, incident(staff, chloe, Jsons.createObjectBuilder().add("category", "LOST_KEYS").build()).status());
        ApiClient.Answer incident = incident(staff, chloe, Jsons.createObjectBuilder().add("category", "IN_CHALLENGE")
                .add("subcategory", "IMAGE_NOT_DISPLAYING").add("questionNumber", 12).build());
        assertEquals(201, incident.status(), incident.body());
        String wrong = incident(staff, anne, Jsons.createObjectBuilder().add("category", "SIGNATURE_ISSUE").build()).id();
        assertEquals(204, staff.delete("/api/v1/incidents/" + wrong).status());
        assertTrue(staff.get("/api/v1/sessions/" + session + "/day").body().contains(incident.id()));
        assertFalse(staff.get("/api/v1/sessions/" + session + "/day").body().contains(wrong), "the deleted incident is gone");
        assertEquals(404, staff.delete("/api/v1/incidents/" + wrong).status(), "and cannot be deleted twice");

        ApiClient other = admin.as(fixtures.tokenFor("CENTER_STAFF", fixtures.center()));
        assertEquals(404, other.get("/api/v1/sessions/" + session + "/day").status());
        assertEquals(404, other.put("/api/v1/enrolments/" + chloe + "/day-report", Jsons.createObjectBuilder()
                .add("testFinished", false).add("abortReason", "technical").build()).status());
        assertEquals(404, other.delete("/api/v1/incidents/" + incident.id()).status());

        assertEquals(200, staff.put("/api/v1/enrolments/" + chloe + "/day-report", Jsons.createObjectBuilder()
                .add("testFinished", false).add("abortReason", "technical").build()).status());
        ApiClient.Answer finalized = finalize(staff, session, "Coupure réseau de 10 minutes à 10 h.");
        assertEquals(200, finalized.status(), finalized.body());
        JsonObject sheet = finalized.json();
        assertEquals("FINALIZED", sheet.getString("status"));
        assertTrue(sheet.getBoolean("hasIncident"), "an incident report makes the session one with incidents");
        assertEquals(3, sheet.getJsonArray("candidates").size());
        JsonObject chloeLine = sheet.getJsonArray("candidates").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("enrolmentId").equals(chloe)).findFirst().orElseThrow();
        assertEquals("technical", chloeLine.getString("abortReason"));
        assertEquals(1, chloeLine.getJsonArray("incidents").size());

        assertEquals(409, finalize(staff, session, "").status(), "once only");
        assertEquals(409, staff.put("/api/v1/enrolments/" + bruno + "/attendance", Jsons.createObjectBuilder()
                .add("status", "PRESENT").build()).status(), "attendance is closed with the session");
        assertEquals(409, staff.put("/api/v1/enrolments/" + anne + "/day-report", Jsons.createObjectBuilder()
                .add("comment", "après coup").build()).status());

        TestDatabase.get().application().notifications().plan();
        assertEquals(List.of("NO_SHOW"), kinds(bruno, "NO_SHOW"), "the absent candidate is offered another session");
        assertEquals(List.of(), kinds(anne, "NO_SHOW"));
    }

    @Test
    void aSessionWhereNobodyCameIsNotFinalized() {
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 10), TestTime.todayInParis().plusDays(21), "14:00");
        String only = fixtures.enrol(session, "Seul", "Samuel", "1990-06-06");
        Fixtures.startedAnHourAgo(session);
        attendance(admin, only, "EXCUSED");
        ApiClient.Answer answer = finalize(admin, session, "");
        assertEquals(422, answer.status());
        assertTrue(answer.body().contains("nobody_present"), answer.body());
        assertEquals(422, finalize(admin, session, "y".repeat(501)).status(), "a global comment has 500 characters at most");
    }

    private static ApiClient.Answer finalize(ApiClient client, String session, String comment) {
        var body = Jsons.createObjectBuilder().add("hasIncident", false).add("hasJoiningIssue", false);
        if (!comment.isEmpty()) {
            body.add("globalComment", comment);
        }
        return client.put("/api/v1/sessions/" + session + "/finalization", body.build());
    }

    private static void attendance(ApiClient client, String enrolment, String status) {
        ApiClient.Answer answer = client.put("/api/v1/enrolments/" + enrolment + "/attendance",
                Jsons.createObjectBuilder().add("status", status).build());
        assertEquals(200, answer.status(), answer.body());
    }

    private static ApiClient.Answer incident(ApiClient client, String enrolment, JsonObject body) {
        return client.post("/api/v1/enrolments/" + enrolment + "/incidents", body);
    }

    private static List<String> kinds(String enrolment, String kind) {
        return TestDatabase.get().database().client().execute()
                .query("SELECT DISTINCT kind FROM notifications WHERE subject_id = ? AND kind = ?", UUID.fromString(enrolment),
                        kind)
                .map(row -> row.column("kind").get(String.class)).toList();
    }
}
