package fr.jalon.notifications;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.Outbox;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@HttpTest
class NotificationsHttpTest {

    private final ApiClient admin;
    private final Fixtures fixtures;

    NotificationsHttpTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
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
        String enrolment = enrol(fixtures.session(fixtures.room(fixtures.site(center), 5), TestTime.todayInParis().plusDays(30), "10:00"));
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
        String session = fixtures.session(fixtures.room(fixtures.site(center), 5), TestTime.todayInParis().plusDays(34), "10:00");
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
        String session = fixtures.session(fixtures.room(fixtures.site(center), 5), TestTime.todayInParis().plusDays(32), "10:00");
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
    void twoInstancesDeliveringAtOnceSendEachMessageOnceAndBothSendSome() throws Exception {
        String session = fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 200),
                TestTime.todayInParis().plusDays(31), "10:00");
        List<String> enrolments = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            enrolments.add(enrol(session));
        }
        Notifications first = TestDatabase.get().application().notifications();
        first.plan();
        List<String> ids = TestDatabase.get().database().client().execute().query(
                "SELECT id::text AS id FROM notifications WHERE subject_id = ANY(CAST(? AS uuid[])) AND status = 'PENDING'",
                (Object) enrolments.toArray(String[]::new))
                .map(r -> r.column("id").get(String.class)).toList();
        assertEquals(200, ids.size(), "one e-mail convocation per candidate");

        // The second instance has its own connection pool and its own outbox, as a second process would.
        try (JalonServer.SecondInstance second = JalonServer.secondInstance()) {
            CountDownLatch start = new CountDownLatch(1);
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Future<String> one = pool.submit(() -> {
                    start.await();
                    return first.deliver();
                });
                Future<String> two = pool.submit(() -> {
                    start.await();
                    return second.application().notifications().deliver();
                });
                start.countDown();
                one.get();
                two.get();
            }
            long byFirst = Outbox.files(TestDatabase.DATA_DIR).stream().filter(f -> startsWithAny(f, ids)).count();
            long bySecond = Outbox.files(second.dataDir()).stream().filter(f -> startsWithAny(f, ids)).count();
            assertEquals(200, byFirst + bySecond, "every message written once, by one instance or the other");
            assertTrue(byFirst > 0 && bySecond > 0, "both instances delivered: " + byFirst + " and " + bySecond);
        }
        List<Integer> attempts = TestDatabase.get().database().client().execute().query("""
                SELECT n.attempts FROM notifications n WHERE n.id = ANY(CAST(? AS uuid[])) AND n.status = 'SENT'""",
                (Object) ids.toArray(String[]::new)).map(r -> r.column("attempts").get(Integer.class)).toList();
        assertEquals(Collections.nCopies(200, 1), attempts, "sent, and sent once");
    }

    private static boolean startsWithAny(Path file, List<String> ids) {
        String name = file.getFileName().toString();
        return ids.stream().anyMatch(name::startsWith);
    }

    @Test
    void rowsHeldByAnInstanceThatDiesAreSentByTheOtherOnceItsLockIsGone() throws Exception {
        String enrolment = enrol(fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 5),
                TestTime.todayInParis().plusDays(32), "10:00"));
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

}
