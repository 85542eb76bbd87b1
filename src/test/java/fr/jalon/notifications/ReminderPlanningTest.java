package fr.jalon.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** J-7 and J-2 reminders, planned when due, once; tests drive the clock. */
@HttpTest
class ReminderPlanningTest {

    private final ApiClient admin;
    private final Fixtures fixtures;
    private final Notifications notifications = TestDatabase.get().application().notifications();
    private final Instant now = Instant.now();

    ReminderPlanningTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    private String enrolIn(String session) {
        ApiClient.Answer answer = admin.post("/api/v1/sessions/" + session + "/enrolments",
                Fixtures.enrolmentBody(Fixtures.personBody("Rappel-" + Fixtures.uniqueLetters(), "Noé", "1985-01-01")
                        .add("email", "noe@example.org").add("mobilePhone", "06 11 22 33 44")));
        assertEquals(201, answer.status(), answer.body());
        return answer.id();
    }

    private static long reminders(String enrolment, String offset) {
        return TestDatabase.get().database().client().execute().get(
                        "SELECT count(*) AS n FROM notifications WHERE subject_id = ? AND kind = 'REMINDER' AND offset_key LIKE ? || ':%'",
                        UUID.fromString(enrolment), offset)
                .map(r -> r.column("n").get(Long.class)).orElseThrow();
    }

    @Test
    void remindersComeSevenAndTwoDaysBeforeOncePerChannel() {
        String room = fixtures.room(fixtures.site(fixtures.center()), 10);
        String enrolment = enrolIn(fixtures.session(room, TestTime.todayInParis().plusDays(20), "09:00"));

        notifications.planReminders(now.plus(Duration.ofDays(10)));
        assertEquals(0, reminders(enrolment, "J-7"), "too early");
        notifications.planReminders(now.plus(Duration.ofDays(14)));
        assertEquals(2, reminders(enrolment, "J-7"), "e-mail and SMS");
        assertEquals(0, reminders(enrolment, "J-2"));
        notifications.planReminders(now.plus(Duration.ofDays(18).plusHours(12)));
        notifications.planReminders(now.plus(Duration.ofDays(19)));
        assertEquals(2, reminders(enrolment, "J-7"), "never twice");
        assertEquals(2, reminders(enrolment, "J-2"));
    }

    @Test
    void aLateEnrolmentGetsNoPointlessReminderAndACancelledSessionNone() {
        String room = fixtures.room(fixtures.site(fixtures.center()), 10);
        String late = enrolIn(fixtures.session(room, TestTime.todayInParis().plusDays(5), "09:00"));
        String cancelledSession = fixtures.session(room, TestTime.todayInParis().plusDays(6), "14:00");
        String cancelled = enrolIn(cancelledSession);
        admin.post("/api/v1/sessions/" + cancelledSession + "/cancel", Jsons.createObjectBuilder().add("reason", "Travaux").build());

        notifications.planReminders(now.plus(Duration.ofDays(4)));

        assertEquals(0, reminders(late, "J-7"), "enrolled after the J-7 point: the convocation is fresh");
        assertEquals(2, reminders(late, "J-2"));
        assertEquals(0, reminders(cancelled, "J-2"));
    }
}
