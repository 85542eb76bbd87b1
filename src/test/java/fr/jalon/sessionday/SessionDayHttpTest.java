package fr.jalon.sessionday;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Db;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session day over HTTP: attendance, reports and incidents, then finalization with Pix's rules. */
@HttpTest
class SessionDayHttpTest {

    private final ApiClient admin;
    private final Fixtures fixtures;

    SessionDayHttpTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    /** Anne, Bruno and Chloé enrolled in a session of their centre, and a member of its staff. */
    @Nested
    class ASessionOfThreeCandidates {

        String session;
        String anne;
        String bruno;
        String chloe;
        ApiClient staff;

        @BeforeEach
        void enrolled() {
            String center = fixtures.center();
            session = fixtures.session(fixtures.room(fixtures.site(center), 10), TestTime.todayInParis().plusDays(20), "09:00");
            anne = fixtures.enrol(session, "D'Artigues", "Anne", "1980-04-02");
            bruno = fixtures.enrol(session, "Lacoste-Labat", "Bruno", "1975-11-30");
            chloe = fixtures.enrol(session, "Ézéchiel", "Chloé", "2001-01-15");
            staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
        }

        @Test
        void hasNothingToReportNorFinalizeBeforeItStarts() {
            assertEquals(409, staff.put("/api/v1/enrolments/" + anne + "/day-report", Jsons.createObjectBuilder()
                    .add("comment", "trop tôt").build()).status(), "nothing to report before the session starts");
            assertEquals(422, finalizeSession(staff, session, "").status());
        }

        @Nested
        class OnceStarted {

            @BeforeEach
            void started() {
                Fixtures.startedAnHourAgo(session);
            }

            @Test
            void theSameAttendanceNotedTwiceIsRecordedOnce() {
                attendance(staff, anne, "PRESENT");
                attendance(staff, anne, "PRESENT");
                assertEquals(1L, Db.count("SELECT count(*) AS n FROM enrolment_history WHERE enrolment_id = ? "
                        + "AND status = 'PRESENT'", UUID.fromString(anne)));
            }

            @Test
            void finalizationNamesTheMissingAttendanceThenTheMissingAbortReason() {
                attendance(staff, anne, "PRESENT");
                attendance(staff, bruno, "PRESENT");
                attendance(staff, bruno, "ABSENT");
                ApiClient.Answer missing = finalizeSession(staff, session, "");
                assertEquals(422, missing.status());
                assertTrue(missing.body().contains("attendance_missing"), missing.body());

                attendance(staff, chloe, "PRESENT");
                assertEquals(200, staff.put("/api/v1/enrolments/" + chloe + "/day-report", Jsons.createObjectBuilder()
                        .add("testFinished", false).build()).status());
                ApiClient.Answer noReason = finalizeSession(staff, session, "");
                assertEquals(422, noReason.status());
                assertTrue(noReason.body().contains("abort_reason_missing"), noReason.body());
                assertEquals("SCHEDULED", staff.get("/api/v1/sessions/" + session).json().getString("status"));
            }

            @Test
            void dayReportsAreCheckedPrecisely() {
                attendance(staff, anne, "PRESENT");
                attendance(staff, bruno, "ABSENT");
                assertEquals(422, staff.put("/api/v1/enrolments/" + bruno + "/day-report", Jsons.createObjectBuilder()
                        .add("arrivedAt", "23:59").build()).status(), "an absent candidate has no arrival time");
                assertEquals(422, staff.put("/api/v1/enrolments/" + anne + "/day-report", Jsons.createObjectBuilder()
                        .add("comment", "x".repeat(501)).build()).status());
                assertEquals(422, staff.put("/api/v1/enrolments/" + anne + "/day-report", Jsons.createObjectBuilder()
                        .add("abortReason", "technical").build()).status(), "an abort reason needs an unfinished test");
                LocalTime start = LocalTime.parse(staff.get("/api/v1/sessions/" + session).json().getString("startTime"));
                // Ten minutes late, without passing midnight when the test runs late in the evening.
                LocalTime late = start.isAfter(LocalTime.of(23, 48)) ? LocalTime.of(23, 59)
                        : start.plusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
                JsonObject report = staff.put("/api/v1/enrolments/" + anne + "/day-report", Jsons.createObjectBuilder()
                        .add("arrivedAt", late.toString()).add("comment", "Arrivée en retard, bus manqué.").build()).json();
                assertEquals(late.toString(), report.getString("arrivedAt"));
                assertTrue(staff.get("/api/v1/sessions/" + session + "/day").body().contains("Arrivée en retard, bus manqué."));
            }

            @Test
            void incidentsAreCheckedAndAWrongOneIsWithdrawn() {
                assertEquals(422, incident(staff, chloe, Jsons.createObjectBuilder().add("category", "IN_CHALLENGE")
                        .add("subcategory", "IMAGE_NOT_DISPLAYING").build()).status(), "a question problem names the question");
                assertEquals(422, incident(staff, chloe, Jsons.createObjectBuilder()
                        .add("category", "CANDIDATE_INFORMATIONS_CHANGES").add("description", "nom").build()).status(),
                        "which information changed");
                assertEquals(422, incident(staff, chloe, Jsons.createObjectBuilder().add("category", "LOST_KEYS").build())
                        .status());
                ApiClient.Answer incident = incident(staff, chloe, Jsons.createObjectBuilder().add("category", "IN_CHALLENGE")
                        .add("subcategory", "IMAGE_NOT_DISPLAYING").add("questionNumber", 12).build());
                assertEquals(201, incident.status(), incident.body());
                String wrong = incident(staff, anne, Jsons.createObjectBuilder().add("category", "SIGNATURE_ISSUE").build())
                        .id();
                assertEquals(204, staff.delete("/api/v1/incidents/" + wrong).status());
                String day = staff.get("/api/v1/sessions/" + session + "/day").body();
                assertTrue(day.contains(incident.id()));
                assertFalse(day.contains(wrong), "the deleted incident is gone");
                assertEquals(404, staff.delete("/api/v1/incidents/" + wrong).status(), "and cannot be deleted twice");
            }

            @Test
            void anotherCentreSeesAndChangesNothing() {
                String incident = incident(staff, chloe, Jsons.createObjectBuilder().add("category", "SIGNATURE_ISSUE")
                        .build()).id();
                String before = staff.get("/api/v1/sessions/" + session + "/day").body();
                ApiClient other = admin.as(fixtures.tokenFor("CENTER_STAFF", fixtures.center()));
                assertEquals(404, other.get("/api/v1/sessions/" + session + "/day").status());
                assertEquals(404, other.put("/api/v1/enrolments/" + chloe + "/day-report", Jsons.createObjectBuilder()
                        .add("testFinished", false).add("abortReason", "technical").build()).status());
                assertEquals(404, other.delete("/api/v1/incidents/" + incident).status());
                assertEquals(before, staff.get("/api/v1/sessions/" + session + "/day").body());
            }

            /** Anne present, Bruno absent, Chloé's test interrupted (technical) with an incident; finalized. */
            @Nested
            class Finalized {

                JsonObject sheet;

                @BeforeEach
                void finalized() {
                    attendance(staff, anne, "PRESENT");
                    attendance(staff, bruno, "ABSENT");
                    attendance(staff, chloe, "PRESENT");
                    assertEquals(201, incident(staff, chloe, Jsons.createObjectBuilder().add("category", "IN_CHALLENGE")
                            .add("subcategory", "IMAGE_NOT_DISPLAYING").add("questionNumber", 12).build()).status());
                    assertEquals(200, staff.put("/api/v1/enrolments/" + chloe + "/day-report", Jsons.createObjectBuilder()
                            .add("testFinished", false).add("abortReason", "technical").build()).status());
                    ApiClient.Answer finalized = finalizeSession(staff, session, "Coupure réseau de 10 minutes à 10 h.");
                    assertEquals(200, finalized.status(), finalized.body());
                    sheet = finalized.json();
                }

                @Test
                void itsSheetCarriesEveryCandidateReasonAndIncident() {
                    assertEquals("FINALIZED", sheet.getString("status"));
                    assertTrue(sheet.getBoolean("hasIncident"), "an incident report makes the session one with incidents");
                    assertEquals(3, sheet.getJsonArray("candidates").size());
                    JsonObject chloeLine = sheet.getJsonArray("candidates").stream().map(JsonValue::asJsonObject)
                            .filter(c -> c.getString("enrolmentId").equals(chloe)).findFirst().orElseThrow();
                    assertEquals("technical", chloeLine.getString("abortReason"));
                    assertEquals(1, chloeLine.getJsonArray("incidents").size());
                    assertEquals("FINALIZED", staff.get("/api/v1/sessions/" + session).json().getString("status"));
                }

                @Test
                void itIsFinalizedOnceAndItsDayIsClosed() {
                    assertEquals(409, finalizeSession(staff, session, "").status(), "once only");
                    assertEquals(409, staff.put("/api/v1/enrolments/" + bruno + "/attendance", Jsons.createObjectBuilder()
                            .add("status", "PRESENT").build()).status(), "attendance is closed with the session");
                    assertEquals(409, staff.put("/api/v1/enrolments/" + anne + "/day-report", Jsons.createObjectBuilder()
                            .add("comment", "après coup").build()).status());
                }

                @Test
                void theAbsentCandidateIsOfferedAnotherSession() {
                    TestDatabase.get().application().notifications().plan();
                    assertEquals(List.of("NO_SHOW"), kinds(bruno, "NO_SHOW"));
                    assertEquals(List.of(), kinds(anne, "NO_SHOW"));
                }
            }
        }
    }

    @Test
    void aSessionWhereNobodyCameIsNotFinalized() {
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 10), TestTime.todayInParis().plusDays(21), "14:00");
        String only = fixtures.enrol(session, "Seul", "Samuel", "1990-06-06");
        Fixtures.startedAnHourAgo(session);
        attendance(admin, only, "EXCUSED");
        ApiClient.Answer answer = finalizeSession(admin, session, "");
        assertEquals(422, answer.status());
        assertTrue(answer.body().contains("nobody_present"), answer.body());
        assertEquals(422, finalizeSession(admin, session, "y".repeat(501)).status(), "a global comment has 500 characters at most");
    }

    private static ApiClient.Answer finalizeSession(ApiClient client, String session, String comment) {
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
