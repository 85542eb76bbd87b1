package fr.jalon.notifications;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import fr.jalon.platform.db.Transactions;

import io.helidon.dbclient.DbExecute;

/**
 * Plans and sends notifications. Planning turns enrolment and session events into outbox rows; delivery claims
 * due rows under a lease (an instance that dies lets it expire, another takes the rows), sends them
 * outside any transaction, retries failures with backoff and gives up after the policy's last attempt. A message that
 * lost its point (session cancelled or over, seat given up, reminder of an old date) is cancelled.
 */
final class NotificationDelivery {

    private static final Logger LOG = System.getLogger(NotificationDelivery.class.getName());
    private static final int BATCH = 50;
    /** How long a claimed batch is this instance's by default: 50 messages at the transports' 10 s timeouts, and room. */
    static final Duration LEASE = Duration.ofMinutes(10);
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
    /** This instance's name on the leases it takes. */
    private final String instance = "jalon-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();
    private volatile boolean stopping;
    private volatile Duration lease = LEASE;

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

    /**
     * Delivery as of {@code now} (quiet hours, finished sessions): lets tests drive the time of day.
     * Batches are claimed in a short transaction and sent with no transaction open; each outcome
     * is recorded in a transaction of its own, on the condition that this instance still holds the
     * row's lease. Stops between batches once {@link #stop()} was called (shutdown).
     */
    String deliver(Instant now) {
        int[] counts = new int[3];
        List<UUID> claimed;
        do {
            if (stopping) {
                break;
            }
            Instant leaseUntil = clock.instant().plus(lease);
            claimed = transactions.inTransaction(tx -> convocations.claimDue(tx, BATCH, instance, leaseUntil));
            if (claimed.isEmpty()) {
                break;
            }
            List<UUID> ids = claimed;
            List<DueNotification> due = transactions.inTransaction(tx -> convocations.claimed(tx, ids));
            Set<UUID> found = new HashSet<>();
            for (DueNotification n : due) {
                found.add(n.id());
                counts[handle(n, now)]++;
            }
            for (UUID gone : ids) {
                if (!found.contains(gone)) {
                    record(gone, tx -> repository.markCancelled(tx, gone, instance, "Destinataire ou objet disparu."));
                    counts[2]++;
                }
            }
        } while (claimed.size() >= BATCH);
        return counts[0] + " envoyée(s), " + counts[1] + " reportée(s), à réessayer ou en échec, " + counts[2]
                + " annulée(s)";
    }

    void leaseFor(Duration duration) {
        this.lease = duration;
    }

    /** No new batch is claimed after this (rows of a batch under way are sent and recorded). */
    void stop() {
        stopping = true;
    }

    /** 0 sent, 1 deferred, retried or failed, 2 cancelled. Sends with no transaction open. */
    private int handle(DueNotification n, Instant now) {
        Optional<String> pointless = Relevance.pointless(n, now);
        if (pointless.isPresent()) {
            record(n.id(), tx -> repository.markCancelled(tx, n.id(), instance, pointless.get()));
            return 2;
        }
        if (n.channel().equals("SMS")) {
            Optional<Instant> morning = QuietHours.SMS.deferral(now);
            if (morning.isPresent()) {
                record(n.id(), tx -> repository.defer(tx, n.id(), instance, morning.get()));
                return 1;
            }
        }
        try {
            transport.send(composer.compose(n, now));
        } catch (PermanentFailure refused) {
            record(n.id(), tx -> repository.markFailed(tx, n.id(), instance, refused.getMessage()));
            return 1;
        } catch (Exception e) {
            // The exception's class only: messages of mail or HTTP errors may quote the recipient.
            String error = "Échec d'envoi (" + e.getClass().getSimpleName() + ")";
            LOG.log(Level.WARNING, "Notification " + n.id() + " not sent: " + e.getClass().getSimpleName());
            Optional<Instant> next = retries.next(n.attempts(), now, random);
            record(n.id(), tx -> next.isPresent() ? repository.markRetry(tx, n.id(), instance, next.get(), error)
                    : repository.markFailed(tx, n.id(), instance, error));
            return 1;
        }
        record(n.id(), tx -> {
            boolean recorded = repository.markSent(tx, n.id(), instance);
            if (recorded && n.messageKind().convokes()) {
                convocationSent.convoked(tx, n.subjectId());
            }
            return recorded;
        });
        return 0;
    }

    /** An outcome in its own transaction; a row whose lease this instance lost is left to its new holder. */
    private void record(UUID id, Function<DbExecute, Boolean> outcome) {
        boolean recorded = transactions.inTransaction(outcome::apply);
        if (!recorded) {
            LOG.log(Level.WARNING, "Notification " + id + ": lease lost before its outcome was recorded");
        }
    }

}
