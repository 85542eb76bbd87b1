package fr.jalon.notifications;

import java.nio.file.Path;
import java.time.Clock;

import fr.jalon.platform.db.Transactions;

/**
 * The notifications feature: what its jobs run. For now the convocation, sent by the file
 * transport under {@code <data>/outbox}; SMTP, SMS and letter batches come next.
 */
public final class Notifications {

    private final NotificationDelivery delivery;

    public Notifications(Transactions transactions, TemplateRenderer templates, Path outbox, Clock clock) {
        this.delivery = new NotificationDelivery(transactions, new NotificationRepository(), templates,
                new FileTransport(outbox), clock, RetryPolicy.DEFAULT);
    }

    /** Turns new enrolment events into outbox rows (job "notification-planner"). */
    public String plan() {
        return delivery.plan();
    }

    /** Sends what is due (job "notification-delivery"). */
    public String deliver() {
        return delivery.deliver();
    }
}
