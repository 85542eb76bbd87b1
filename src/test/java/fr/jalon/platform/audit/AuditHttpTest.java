package fr.jalon.platform.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import io.helidon.dbclient.DbClientException;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@HttpTest
class AuditHttpTest {

    private final ApiClient admin;
    private final Fixtures fixtures;

    AuditHttpTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    @Test
    void writesAreAuditedWithTheirActor() {
        String center = fixtures.center();
        String me = admin.get("/api/v1/me").id();

        List<JsonObject> entries = entries("/api/v1/audit?recordType=center&recordId=" + center);

        assertEquals(1, entries.size());
        assertEquals("center.create", entries.getFirst().getString("action"));
        assertEquals(me, entries.getFirst().getString("actorUserId"));
        assertEquals("ADMIN", entries.getFirst().getString("actorRole"));
    }

    @Test
    void readsOfPersonalDataAreAudited() {
        String center = fixtures.center();
        String userId = admin.as(fixtures.tokenFor("CENTER_STAFF", center)).get("/api/v1/me").id();

        admin.get("/api/v1/users/" + userId);

        List<String> actions = entries("/api/v1/audit?recordType=user&recordId=" + userId).stream()
                .map(e -> e.getString("action")).toList();
        assertEquals(List.of("user.read", "user.read", "user.create"), actions, "newest first: admin read, own read, creation");
    }

    /** Enrolments read one by one or by session, invigilators named by assignments, referrals shown by the feed. */
    @Test
    void everyReadOfAPersonsDataIsAudited() {
        Fixtures.Partner partner = fixtures.partner();
        String session = fixtures.session(fixtures.room(fixtures.site(partner.center()), 10),
                TestTime.todayInParis().plusDays(33), "09:00");
        String enrolment = fixtures.enrol(session, "Lue-" + Fixtures.uniqueLetters(), "Aude", "1988-08-08");
        var db = TestDatabase.get().database().client().execute();
        String invigilator = db.get("INSERT INTO invigilators (center_id, kind, first_name, last_name, home_insee, "
                        + "max_per_week, max_per_month) VALUES (?, 'EMPLOYEE', 'Marie', 'Lafitte', '40192', 2, 4) RETURNING id",
                UUID.fromString(partner.center())).orElseThrow().column("id").getString();
        db.dml("INSERT INTO assignments (session_id, invigilator_id) VALUES (?, ?)", UUID.fromString(session),
                UUID.fromString(invigilator));
        String referral = partner.adviser().post("/api/v1/referrals", Jsons.createObjectBuilder()
                .add("person", Fixtures.personBody("Flux-" + Fixtures.uniqueLetters(), "Lina", "2000-02-02"))
                .add("consent", Jsons.createObjectBuilder().add("personInformed", true)).build()).id();

        assertEquals(200, partner.staff().get("/api/v1/enrolments/" + enrolment).status());
        assertEquals(200, partner.staff().get("/api/v1/sessions/" + session + "/enrolments").status());
        assertEquals(200, partner.staff().get("/api/v1/sessions/" + session + "/assignments").status());
        assertEquals(200, partner.adviser().get("/api/v1/referrals/changes").status());

        assertEquals(List.of("enrolment.read", "enrolment.read"), actions("enrolment", enrolment, ".read"),
                "the enrolment alone, then in its session's list");
        assertEquals(List.of("invigilator.read"), actions("invigilator", invigilator, ".read"));
        assertEquals(List.of("referral.read"), actions("referral", referral, ".read"), "the feed page showed it");
    }

    private List<String> actions(String type, String id, String suffix) {
        return entries("/api/v1/audit?recordType=" + type + "&recordId=" + id).stream().map(e -> e.getString("action"))
                .filter(a -> a.endsWith(suffix)).toList();
    }

    @Test
    void pagesGoBackInTime() {
        fixtures.center();
        fixtures.center();
        ApiClient.Answer first = admin.get("/api/v1/audit?limit=1");
        ApiClient.Answer second = admin.get("/api/v1/audit?limit=1&cursor=" + first.json().getString("nextCursor"));
        long newest = first.json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        long older = second.json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        assertTrue(older < newest);
    }

    @Test
    void theLogIsAppendOnly() {
        String center = fixtures.center();
        var db = TestDatabase.get().database().client().execute();
        long id = db.get("SELECT id FROM audit_log WHERE record_type = 'center' AND record_id = ? AND action = 'center.create'",
                center).map(r -> r.column("id").get(Long.class)).orElseThrow();
        DbClientException update = assertThrows(DbClientException.class,
                () -> db.dml("UPDATE audit_log SET action = 'forged' WHERE id = ?", id));
        DbClientException delete = assertThrows(DbClientException.class, () -> db.dml("DELETE FROM audit_log WHERE id = ?", id));
        assertTrue(rootMessage(update).contains("append-only"));
        assertTrue(rootMessage(delete).contains("append-only"));
        assertEquals(List.of("center.create"), db.query("SELECT action FROM audit_log WHERE id = ?", id)
                .map(r -> r.column("action").get(String.class)).toList(), "the line is still there, unchanged");
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && !(t instanceof SQLException)) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private List<JsonObject> entries(String path) {
        ApiClient.Answer answer = admin.get(path);
        assertEquals(200, answer.status(), answer.body());
        return answer.json().getJsonArray("items").stream().map(v -> v.asJsonObject()).toList();
    }
}
