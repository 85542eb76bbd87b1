package fr.jalon.jobs;

import java.util.UUID;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.Jobs;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@HttpTest
class JobsHttpTest {

    private final ApiClient admin;
    private final Fixtures fixtures;

    JobsHttpTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    @Test
    void administratorsSeeTheScheduledJobs() {
        JsonObject retention = retentionJob();

        assertEquals("0 15 3 * * ?", retention.getString("schedule"));
        assertEquals("Europe/Paris", retention.getString("timeZone"));
        assertFalse(retention.containsKey("nextRunAt"), "the test service runs jobs on demand only");
        assertEquals(403, admin.as(fixtures.tokenFor("CENTER_STAFF", fixtures.center())).get("/api/v1/jobs").status());
        assertEquals(404, admin.post("/api/v1/jobs/nothing/run", Jsons.createObjectBuilder().build()).status());
    }

    @Test
    void theRetentionJobAnonymisesPeopleWhoseLastActivityIsOld() throws Exception {
        String center = fixtures.center();
        String room = fixtures.room(fixtures.site(center), 10);
        String oldSession = fixtures.session(room, TestTime.todayInParis().plusDays(70), "09:00");
        String recentSession = fixtures.session(room, TestTime.todayInParis().plusDays(71), "09:00");
        String tag = Fixtures.uniqueLetters();
        String old = enrol(oldSession, "Ancien-" + tag);
        String recent = enrol(recentSession, "Recent-" + tag);
        // Backdate one session by three years, as if it had taken place then.
        TestDatabase.get().database().client().execute().dml("""
                UPDATE sessions SET local_date = local_date - interval '3 years',
                    starts_at = starts_at - interval '3 years', ends_at = ends_at - interval '3 years' WHERE id = ?""",
                UUID.fromString(oldSession));
        // Both records date from then too: a person is judged by their last activity, the record's included.
        TestDatabase.get().database().client().execute().dml("UPDATE people SET created_at = created_at - interval '3 years', "
                + "updated_at = updated_at - interval '3 years' WHERE id IN (?, ?)", UUID.fromString(old), UUID.fromString(recent));
        JsonObject lastRun = Jobs.runAndWait(admin, "retention");

        assertEquals("SUCCESS", lastRun.getString("outcome"), lastRun.toString());
        JsonObject anonymised = admin.get("/api/v1/people/" + old).json();
        assertEquals("ANONYME", anonymised.getString("birthName"));
        assertFalse(anonymised.containsKey("email"));
        assertEquals("1980-01-01", anonymised.getString("birthDate"), "only the birth year is kept");
        assertEquals("Recent-" + tag, admin.get("/api/v1/people/" + recent).json().getString("birthName"));
        assertTrue(admin.get("/api/v1/audit?recordType=person&recordId=" + old).json().getJsonArray("items").stream()
                .anyMatch(e -> e.asJsonObject().getString("action").equals("person.anonymise")));
    }

    private String enrol(String session, String birthName) {
        ApiClient.Answer answer = admin.post("/api/v1/sessions/" + session + "/enrolments",
                Fixtures.enrolmentBody(Fixtures.personBody(birthName, "Alix", "1980-06-15").add("email", "alix@example.org")));
        assertEquals(201, answer.status(), answer.body());
        return answer.json().getJsonObject("person").getString("id");
    }

    private JsonObject retentionJob() {
        return admin.get("/api/v1/jobs").json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(j -> j.getString("name").equals("retention")).findFirst().orElseThrow();
    }
}
