package fr.jalon.notifications;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import fr.jalon.platform.db.Transactions;

/**
 * Plans and sends notifications. Planning turns enrolment events into outbox rows; delivery sends
 * due rows, each under its row lock (an instance that dies releases it, another takes the row),
 * retries failures with backoff and gives up after the policy's last attempt. Nothing is sent
 * for a cancelled or finished session.
 */
final class NotificationDelivery {

    private static final Logger LOG = System.getLogger(NotificationDelivery.class.getName());
    private static final int BATCH = 50;

    private final Transactions transactions;
    private final NotificationRepository repository;
    private final TemplateRenderer templates;
    private final Transport transport;
    private final Clock clock;
    private final RetryPolicy retries;
    private final ConvocationSent convocationSent;
    private final RandomGenerator random = RandomGenerator.getDefault();

    NotificationDelivery(Transactions transactions, NotificationRepository repository, TemplateRenderer templates,
                         Transport transport, Clock clock, RetryPolicy retries, ConvocationSent convocationSent) {
        this.convocationSent = convocationSent;
        this.transactions = transactions;
        this.repository = repository;
        this.templates = templates;
        this.transport = transport;
        this.clock = clock;
        this.retries = retries;
    }

    String plan() {
        int total = 0;
        int created;
        do {
            created = transactions.inTransaction(tx -> repository.planConvocations(tx, 500));
            total += created;
        } while (created > 0);
        return total + " notification(s) planifiée(s)";
    }

    /** Reminders due at {@code now}, for every configured offset (days before the session). */
    String planReminders(Instant now, List<Integer> offsets) {
        int total = 0;
        for (int days : offsets) {
            total += transactions.inTransaction(tx -> repository.planReminders(tx, now, days));
        }
        return total + " rappel(s) planifié(s)";
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
                List<DueNotification> due = repository.lockDue(tx, BATCH);
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
    private int handle(io.helidon.dbclient.DbExecute tx, DueNotification n, Instant now) {
        if (!n.sessionStatus().equals("SCHEDULED") || !n.endsAt().isAfter(now)) {
            repository.markCancelled(tx, n.id(), "Session annulée ou passée : message sans objet.");
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
            transport.send(render(n));
            repository.markSent(tx, n.id());
            if (n.kind().equals(MessageCatalogue.Kind.CONVOCATION.name())) {
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

    /** « 05 58 00 00 00 » as people dial it, from the stored E.164 number. */
    private static String displayPhone(String e164) {
        return e164 == null ? "" : fr.jalon.platform.codes.Contact.national(e164);
    }

    private Message render(DueNotification n) {
        Map<String, Object> model = MessageCatalogue.convocation(n.firstName(), n.birthName(),
                LocalDateTime.of(n.date(), n.startTime()), Duration.ofMinutes(n.durationMinutes()), n.site(), n.room(),
                n.siteAddress(), n.extraTimePercent(), n.centre(), displayPhone(n.centrePhone()),
                n.postalAddress());
        MessageCatalogue.Kind kind = MessageCatalogue.Kind.valueOf(n.kind());
        String from = n.centreEmail() == null ? "ne-pas-repondre@jalon.local" : n.centreEmail();
        return switch (n.channel()) {
            case "EMAIL" -> new Message(n.id(), "EMAIL", n.email(), from, templates.render(kind.subject(), model).strip(),
                    templates.render(kind.text(), model), templates.render(kind.html(), model));
            case "SMS" -> new Message(n.id(), "SMS", n.mobile(), from, null,
                    SmsText.toGsm7(templates.render(kind.sms(), model).strip()), null);
            default -> new Message(n.id(), "LETTER", n.postalAddress(), from, null, templates.render(kind.letter(), model),
                    null);
        };
    }
}
