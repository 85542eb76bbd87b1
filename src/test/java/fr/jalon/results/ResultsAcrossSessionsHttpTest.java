package fr.jalon.results;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.ResultsCsv;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One Pix results export covering several sessions of a centre ({@code POST /api/v1/results}),
 * in the legacy layout (« Nombre de Pix », no certification type), over HTTP.
 */
@HttpTest
class ResultsAcrossSessionsHttpTest {

    private final ApiClient admin;
    private final Fixtures fixtures;

    ResultsAcrossSessionsHttpTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    private record Sitting(String session, String enrolment, long pixNumber) {
    }

    /** A session that started an hour ago in its own room, one candidate present, finalized, with its Pix number. */
    private Sitting finalizedWithOneCandidate(ApiClient staff, String site, String birthName, String birthDate) {
        String session = fixtures.session(fixtures.room(site, 5), TestTime.todayInParis().plusDays(20), "09:00");
        String enrolment = fixtures.enrol(session, birthName, "Jeanne", birthDate);
        Fixtures.startedAnHourAgo(session);
        assertEquals(200, staff.put("/api/v1/enrolments/" + enrolment + "/attendance",
                Jsons.createObjectBuilder().add("status", "PRESENT").build()).status());
        assertEquals(200, staff.put("/api/v1/sessions/" + session + "/finalization", Jsons.createObjectBuilder().build())
                .status());
        long pixNumber = 100_000_000L + ThreadLocalRandom.current().nextInt(800_000_000);
        // Pix gives the number when the session is created on Pix Certif; the candidates import records it.
        TestDatabase.get().database().client().execute().dml("UPDATE sessions SET pix_number = ? WHERE id = ?", pixNumber,
                UUID.fromString(session));
        return new Sitting(session, enrolment, pixNumber);
    }

    @Test
    void aLegacyExportOfTwoSessionsIsImportedForTheCentreInOneRequest() {
        String center = fixtures.center();
        String site = fixtures.site(center);
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
        String tag = Fixtures.uniqueLetters();
        Sitting morning = finalizedWithOneCandidate(staff, site, "Lamarque-" + tag, "1984-06-12");
        Sitting other = finalizedWithOneCandidate(staff, site, "Duprat-" + tag, "1990-10-01");
        String first = ResultsCsv.newNumber();
        String second = ResultsCsv.newNumber();
        ResultsCsv file = ResultsCsv.legacy()
                .row(first, "Jeanne", "Lamarque-" + tag, "12/06/1984", "Validée", "356", ResultsCsv.levels(2), "", "",
                        morning.pixNumber())
                .row(second, "Jeanne", "Duprat-" + tag, "01/10/1990", "Rejetée", "0", ResultsCsv.levels(0), "",
                        "Fraude constatée", other.pixNumber());

        ApiClient.Answer outsider = admin.as(fixtures.tokenFor("CENTER_STAFF", fixtures.center()))
                .sendBytes("POST", "/api/v1/results", "text/csv", file.bytes());
        assertEquals(422, outsider.status(), "another centre's staff: its sessions are not found: " + outsider.body());
        ApiClient.Answer imported = admin.sendBytes("POST", "/api/v1/results?centerId=" + center, "text/csv", file.bytes());

        assertEquals(200, imported.status(), imported.body());
        assertEquals(2, imported.json().getInt("created"), imported.body());
        assertEquals(2, imported.json().getJsonArray("sessions").size());
        for (Sitting s : List.of(morning, other)) {
            assertEquals("RESULTS_IMPORTED", staff.get("/api/v1/sessions/" + s.session()).json().getString("status"));
        }
        var validated = staff.get("/api/v1/enrolments/" + morning.enrolment() + "/result").json();
        assertEquals(first, validated.getString("certificationNumber"), validated.toString());
        assertEquals(356, validated.getInt("score"));
        assertEquals("VALIDATED", validated.getString("status"));
        var rejected = staff.get("/api/v1/enrolments/" + other.enrolment() + "/result").json();
        assertEquals("REJECTED", rejected.getString("status"), rejected.toString());
        assertTrue(rejected.toString().contains("Fraude constatée"), rejected.toString());

        ApiClient.Answer again = staff.sendBytes("POST", "/api/v1/results", "text/csv", file.bytes());
        assertEquals(200, again.status(), again.body());
        assertEquals(2, again.json().getInt("unchanged"), "the same export again changes nothing");
    }
}
