package fr.jalon.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Db;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff see a failed convocation with its error and its candidate, and send it again. */
@HttpTest
class NotificationPagesHttpTest {

    private final URI server;
    private final ApiClient admin;
    private final Fixtures fixtures;

    NotificationPagesHttpTest(URI server, ApiClient admin, Fixtures fixtures) {
        this.server = server;
        this.admin = admin;
        this.fixtures = fixtures;
    }

    @Test
    void aFailedConvocationIsShownWithItsCandidateAndSentAgain() {
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 10), TestTime.todayInParis().plusDays(15),
                "09:00");
        String name = "Echec-" + Fixtures.uniqueLetters();
        String enrolment = fixtures.enrol(session, name, "Inès", "1990-05-05");
        String person = admin.get("/api/v1/enrolments/" + enrolment).json().getJsonObject("person").getString("id");
        // The provider's refusal, as the delivery job records it after its last attempt.
        UUID failed = Db.execute().get("""
                INSERT INTO notifications (kind, channel, person_id, center_id, subject_type, subject_id, status, attempts,
                                           last_error)
                VALUES ('CONVOCATION', 'EMAIL', ?, ?, 'enrolment', ?, 'FAILED', 5, '550 5.1.1 boîte inconnue')
                RETURNING id""", UUID.fromString(person), UUID.fromString(center), UUID.fromString(enrolment))
                .orElseThrow().column("id").get(UUID.class);

        ConsoleClient staff = new ConsoleClient(server);
        staff.signIn(ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", center), ConsoleHttpTest.PASSWORD);
        ConsoleClient.Page page = staff.get("/console/notifications");
        assertEquals(200, page.status());
        assertTrue(page.body().contains(">" + name + " Inès</a>") && page.body().contains("550 5.1.1 boîte inconnue"),
                "the candidate and the error: " + page.body());
        ConsoleClient.Page again = staff.post("/console/notifications/" + failed + "/renvoyer", Map.of("csrf", page.csrf()));
        assertEquals(303, again.status(), again.body());
        assertTrue(staff.get(again.header("Location").orElseThrow()).body().contains("remise dans la file"));
        assertEquals("PENDING", Db.execute().get("SELECT status FROM notifications WHERE id = ?", failed).orElseThrow()
                .column("status").getString());
        assertEquals(409, staff.post("/console/notifications/" + failed + "/renvoyer", Map.of("csrf", page.csrf()))
                .status(), "only a failed one is sent again");
        assertTrue(staff.get("/console/notifications?statut=PENDING").body().contains(name), "now waiting");

        ConsoleClient outsider = new ConsoleClient(server);
        outsider.signIn(ConsoleHttpTest.account(admin, "CENTER_STAFF", "centerId", fixtures.center()),
                ConsoleHttpTest.PASSWORD);
        assertTrue(!outsider.get("/console/notifications?statut=PENDING").body().contains(name), "another centre's");
        assertEquals(404, outsider.post("/console/notifications/" + failed + "/renvoyer", Map.of("csrf",
                outsider.get("/console").csrf())).status());
        assertEquals(404, staff.get("/console/notifications/courriers.pdf?jour=2026-13-01&site=x").status());
    }
}
