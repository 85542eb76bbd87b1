package fr.jalon.notifications;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.jalon.Application;
import fr.jalon.platform.db.Database;
import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.TestDatabase;

import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ServerTest
class NotificationsHttpTest {

    private final ApiClient admin;
    private final Fixtures fixtures;

    NotificationsHttpTest(URI uri) {
        this.admin = ApiClient.of(uri, JalonServer.adminToken());
        this.fixtures = new Fixtures(admin);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        JalonServer.configure(server);
    }

    private String enrol(String session) {
        ApiClient.Answer answer = admin.post("/api/v1/sessions/" + session + "/enrolments",
                Fixtures.enrolmentBody(Fixtures.personBody("Notif-" + Fixtures.uniqueLetters(), "Inès", "1999-09-09")
                        .add("email", "ines@example.org")));
        assertEquals(201, answer.status(), answer.body());
        return answer.id();
    }

    private static List<String> notificationsOf(String enrolment) {
        return TestDatabase.get().database().client().execute()
                .query("SELECT id::text AS id FROM notifications WHERE subject_id = ?", UUID.fromString(enrolment))
                .map(r -> r.column("id").get(String.class)).toList();
    }

    @Test
    void staffSeeTheirCentresFailuresAndRetryThem() {
        String center = fixtures.center();
        String enrolment = enrol(fixtures.session(fixtures.room(fixtures.site(center), 5), LocalDate.now().plusDays(30), "10:00"));
        TestDatabase.get().application().notifications().plan();
        String id = notificationsOf(enrolment).getFirst();
        TestDatabase.get().database().client().execute().dml(
                "UPDATE notifications SET status = 'FAILED', attempts = 6, last_error = 'Échec d''envoi (test)' WHERE id = ?",
                UUID.fromString(id));
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
        ApiClient otherStaff = admin.as(fixtures.tokenFor("CENTER_STAFF", fixtures.center()));

        List<JsonObject> failed = staff.get("/api/v1/notifications?status=FAILED").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).toList();
        ApiClient.Answer retried = staff.post("/api/v1/notifications/" + id + "/retry", Jsons.createObjectBuilder().build());

        assertEquals(List.of(id), failed.stream().map(f -> f.getString("id")).toList());
        assertEquals("Échec d'envoi (test)", failed.getFirst().getString("lastError"));
        assertEquals(0, otherStaff.get("/api/v1/notifications?status=FAILED").json().getJsonArray("items").size());
        assertEquals(404, otherStaff.post("/api/v1/notifications/" + id + "/retry", Jsons.createObjectBuilder().build()).status());
        assertEquals(200, retried.status(), retried.body());
        assertEquals("PENDING", retried.json().getString("status"));
        assertEquals(409, staff.post("/api/v1/notifications/" + id + "/retry", Jsons.createObjectBuilder().build()).status());
        assertEquals(400, staff.get("/api/v1/notifications?status=LOST").status());
    }

    /** A centre's outbox holds invigilators' messages too: listed with the invigilator, not a 500. */
    @Test
    void invigilatorsMessagesAreListedWithTheirInvigilator() {
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 5), LocalDate.now().plusDays(34), "10:00");
        var db = TestDatabase.get().database().client().execute();
        UUID invigilator = db.get("INSERT INTO invigilators (center_id, kind, first_name, last_name, home_insee, "
                        + "max_per_week, max_per_month) VALUES (?, 'EMPLOYEE', 'Marie', 'Lafitte', '40192', 2, 4) RETURNING id",
                UUID.fromString(center)).orElseThrow().column("id").get(UUID.class);
        UUID assignment = db.get("INSERT INTO assignments (session_id, invigilator_id) VALUES (?, ?) RETURNING id",
                UUID.fromString(session), invigilator).orElseThrow().column("id").get(UUID.class);
        db.dml("INSERT INTO notifications (kind, channel, invigilator_id, center_id, subject_type, subject_id) "
                + "VALUES ('INVIGILATOR_ASSIGNED', 'HAND', ?, ?, 'assignment', ?)", invigilator, UUID.fromString(center), assignment);
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));

        ApiClient.Answer list = staff.get("/api/v1/notifications");

        assertEquals(200, list.status(), list.body());
        JsonObject item = list.json().getJsonArray("items").getJsonObject(0);
        assertEquals(invigilator.toString(), item.getString("invigilatorId"));
        assertEquals(assignment.toString(), item.getString("assignmentId"));
        assertTrue(!item.containsKey("personId") && !item.containsKey("enrolmentId"), item.toString());
    }

    @Test
    void aPersonWithoutAnyChannelIsFlaggedToTheCentre() {
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 5), LocalDate.now().plusDays(32), "10:00");
        String enrolment = admin.post("/api/v1/sessions/" + session + "/enrolments",
                Fixtures.enrolmentBody(Fixtures.personBody("Injoignable-" + Fixtures.uniqueLetters(), "Jo", "1960-01-01"))).id();
        TestDatabase.get().application().notifications().plan();
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));

        List<JsonObject> held = staff.get("/api/v1/notifications?status=HELD").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).toList();

        assertEquals(1, held.size());
        assertEquals(enrolment, held.getFirst().getString("enrolmentId"));
        assertEquals("HAND", held.getFirst().getString("channel"));
        assertTrue(held.getFirst().getString("lastError").contains("remettre en main propre"));
    }

    @Test
    void twoInstancesDeliveringAtOnceSendEachMessageOnce() throws Exception {
        String session = fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 40), LocalDate.now().plusDays(31), "10:00");
        List<String> enrolments = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            enrolments.add(enrol(session));
        }
        Notifications first = TestDatabase.get().application().notifications();
        // The second instance has its own connection pool, as a second process would.
        try (Database secondPool = Database.connect(TestDatabase.get().jdbcUrl(), "postgres", "", 4)) {
            Notifications second = Application.on(secondPool, TestDatabase.settings(), Clock.systemUTC()).notifications();
            first.plan();
            deliverConcurrently(first, second);
        }

        for (String enrolment : enrolments) {
            List<Integer> attempts = TestDatabase.get().database().client().execute()
                    .query("SELECT attempts, status FROM notifications WHERE subject_id = ?", UUID.fromString(enrolment))
                    .map(r -> r.column("status").get(String.class).equals("SENT") ? r.column("attempts").get(Integer.class) : -1)
                    .toList();
            assertEquals(List.of(1), attempts, "sent, and sent once");
        }
        assertTrue(TestDatabase.DATA_DIR.resolve("outbox").toFile().exists());
    }

    @Test
    void rowsHeldByAnInstanceThatDiesAreSentByTheOtherOnceItsLockIsGone() throws Exception {
        String enrolment = enrol(fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 5),
                LocalDate.now().plusDays(32), "10:00"));
        Notifications survivor = TestDatabase.get().application().notifications();
        survivor.plan();

        // The dying instance: it took the row for delivery (row lock held in its open transaction)...
        try (Connection dying = DriverManager.getConnection(TestDatabase.get().jdbcUrl(), "postgres", "")) {
            dying.setAutoCommit(false);
            int pid;
            try (var st = dying.createStatement()) {
                var rs = st.executeQuery("SELECT pg_backend_pid()");
                rs.next();
                pid = rs.getInt(1);
                st.executeQuery("SELECT id FROM notifications WHERE subject_id = '" + enrolment + "' FOR UPDATE").close();
            }
            survivor.deliver();
            assertEquals(List.of("PENDING"), statusesOf(enrolment), "a row another instance holds is skipped, not sent twice");

            // ...and dies: its connection is gone, PostgreSQL releases the lock.
            TestDatabase.get().database().client().execute().query("SELECT pg_terminate_backend(?, 10000)", pid).toList();
        }
        survivor.deliver();
        assertEquals(List.of("SENT"), statusesOf(enrolment));
    }

    private static List<String> statusesOf(String enrolment) {
        return TestDatabase.get().database().client().execute()
                .query("SELECT status FROM notifications WHERE subject_id = ?", UUID.fromString(enrolment))
                .map(r -> r.column("status").get(String.class)).toList();
    }

    private static void deliverConcurrently(Notifications first, Notifications second) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            Callable<String> one = () -> first.deliver();
            Callable<String> two = () -> second.deliver();
            List<Future<String>> runs = List.of(pool.submit(one), pool.submit(two), pool.submit(one), pool.submit(two));
            for (Future<String> run : runs) {
                run.get();
            }
        }
    }
}
