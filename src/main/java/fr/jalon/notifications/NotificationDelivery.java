package fr.jalon.notifications;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

import fr.jalon.platform.db.Transactions;

import io.helidon.dbclient.DbExecute;

/**
 * Plans and sends notifications. Planning turns enrolment and session events into outbox rows; delivery sends
 * due rows, each under its row lock (an instance that dies releases it, another takes the row),
 * retries failures with backoff and gives up after the policy's last attempt. A message that
 * lost its point (session cancelled or over, seat given up, reminder of an old date) is cancelled.
 */
final class NotificationDelivery {

    private static final Logger LOG = System.getLogger(NotificationDelivery.class.getName());
    private static final int BATCH = 50;
    /** Invigilators are reminded two days before: late enough to be fresh, early enough to find a replacement. */
    static final int INVIGILATOR_REMINDER_DAYS = 2;

    private final Transactions transactions;
    private final NotificationRepository repository;
    private final PlanningReadModel planning = new PlanningReadModel();
    private final ConvocationReadModel convocations = new ConvocationReadModel();
    private final MessageComposer composer;
    private final Transport transport;
    private final Clock clock;
    private final RetryPolicy retries;
    private final ConvocationSent convocationSent;
    private final RandomGenerator random = RandomGenerator.getDefault();

    NotificationDelivery(Transactions transactions, NotificationRepository repository, MessageComposer composer,
                         Transport transport, Clock clock, RetryPolicy retries, ConvocationSent convocationSent) {
        this.convocationSent = convocationSent;
        this.transactions = transactions;
        this.repository = repository;
        this.composer = composer;
        this.transport = transport;
        this.clock = clock;
        this.retries = retries;
    }

    String plan() {
        int total = 0;
        int created;
        do {
            created = transactions.inTransaction(tx -> planning.planFromEvents(tx, 500)
                    + planning.planAssignmentsFromEvents(tx, 500));
            total += created;
        } while (created > 0);
        return total + " notification(s) planifiée(s)";
    }

    /** Reminders due at {@code now}, for every configured offset (days before the session). */
    String planReminders(Instant now, List<Integer> offsets) {
        int total = 0;
        TreeSet<Integer> days = new TreeSet<>(offsets);
        days.add(INVIGILATOR_REMINDER_DAYS);
        for (int d : days) {
            // Candidates at each configured offset, invigilators two days before: one statement per offset.
            total += transactions.inTransaction(tx -> planning.planReminders(tx, now, d, offsets.contains(d),
                    d == INVIGILATOR_REMINDER_DAYS));
        }
        return total + " rappel(s) planifié(s)";
    }

    /** Campaign invitations and reminders due at {@code now} (see {@link PlanningReadModel#planCampaignMessages}). */
    String planCampaignMessages(Instant now, int reminderDays) {
        return transactions.inTransaction(tx -> planning.planCampaignMessages(tx, now, reminderDays))
                + " message(s) de campagne planifié(s)";
    }

    String deliver() {
        return deliver(clock.instant());
    }

    /** Delivery as of {@code now} (quiet hours, finished sessions): lets tests drive the time of day. */
    String deliver(Instant now) {
        int[] counts = new int[3];
        List<DueNotification> batch;
        do {
            batch = transactions.inTransaction(tx -> {
                List<DueNotification> due = convocations.lockDue(tx, BATCH);
                for (DueNotification n : due) {
                    counts[handle(tx, n, now)]++;
                }
                return due;
            });
        } while (batch.size() == BATCH);
        return counts[0] + " envoyée(s), " + counts[1] + " reportée(s), à réessayer ou en échec, " + counts[2]
                + " annulée(s)";
    }

    /** 0 sent, 1 deferred, retried or failed, 2 cancelled. */
    private int handle(DbExecute tx, DueNotification n, Instant now) {
        Optional<String> pointless = Relevance.pointless(n, now);
        if (pointless.isPresent()) {
            repository.markCancelled(tx, n.id(), pointless.get());
            return 2;
        }
        if (n.channel().equals("SMS")) {
            Optional<Instant> morning = QuietHours.SMS.deferral(now);
            if (morning.isPresent()) {
                repository.defer(tx, n.id(), morning.get());
                return 1;
            }
        }
        try {
            transport.send(composer.compose(n, now));
            repository.markSent(tx, n.id());
            if (n.messageKind().convokes()) {
                convocationSent.convoked(tx, n.subjectId());
            }
            return 0;
        } catch (PermanentFailure refused) {
            repository.markFailed(tx, n.id(), refused.getMessage());
            return 1;
        } catch (Exception e) {
            // The exception's class only: messages of mail or HTTP errors may quote the recipient.
            String error = "Échec d'envoi (" + e.getClass().getSimpleName() + ")";
            LOG.log(Level.WARNING, "Notification " + n.id() + " not sent: " + e.getClass().getSimpleName());
            retries.next(n.attempts(), now, random).ifPresentOrElse(
                    next -> repository.markRetry(tx, n.id(), next, error),
                    () -> repository.markFailed(tx, n.id(), error));
            return 1;
        }
    }

}
