package fr.jalon.notifications;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import fr.jalon.platform.db.Transactions;

/**
 * The notifications feature: what its jobs run. For now the convocation, sent by the file
 * transport under {@code <data>/outbox}; SMTP, SMS and letter batches come next.
 */
public final class Notifications {

    private final NotificationDelivery delivery;
    private final Clock clock;
    private final List<Integer> reminderDays;

    public Notifications(Transactions transactions, TemplateRenderer templates, Path outbox, Clock clock,
                         List<Integer> reminderDays) {
        this.clock = clock;
        this.reminderDays = List.copyOf(reminderDays);
        this.delivery = new NotificationDelivery(transactions, new NotificationRepository(), templates,
                new FileTransport(outbox), clock, RetryPolicy.DEFAULT);
    }

    /** Turns new enrolment events into outbox rows (job "notification-planner"). */
    public String plan() {
        return delivery.plan();
    }

    /** Plans the reminders due now, J-7 and J-2 by default (job "notification-reminders"). */
    public String planReminders() {
        return planReminders(clock.instant());
    }

    /** The same at a given instant: lets tests and replays drive time. */
    public String planReminders(Instant now) {
        return delivery.planReminders(now, reminderDays);
    }

    /** Sends what is due (job "notification-delivery"). */
    public String deliver() {
        return delivery.deliver();
    }
}
