package fr.jalon.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

import fr.jalon.platform.db.Transactions;

import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;

/**
 * The outbox seen from monitoring (`/observe/metrics`): messages due and waiting, the age of the
 * oldest of them, messages being sent under a lease, and failures. One query per scrape at most
 * every second, whatever the number of gauges and scrapers.
 */
final class OutboxMetrics {

    private static final Duration FRESH = Duration.ofSeconds(1);
    private static final NotificationRepository.OutboxState UNKNOWN = new NotificationRepository.OutboxState(-1, -1, -1, -1);

    private final Transactions transactions;
    private final NotificationRepository repository;
    private final Clock clock;
    private volatile NotificationRepository.OutboxState last;
    private volatile Instant readAt = Instant.EPOCH;
    private Tag cluster;

    OutboxMetrics(Transactions transactions, NotificationRepository repository, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Registers the gauges in the global registry, tagged with the cluster's name (the scheduler's:
     * every instance of one service shares it); an existing gauge of the same cluster is kept.
     */
    void register(String cluster) {
        this.cluster = Tag.create("cluster", cluster);
        gauge("jalon.outbox.due", "Messages due and not yet sent", NotificationRepository.OutboxState::due);
        gauge("jalon.outbox.oldest.due.seconds", "Age of the oldest message due and not yet sent",
                NotificationRepository.OutboxState::oldestDueSeconds);
        gauge("jalon.outbox.sending", "Messages claimed by an instance and being sent",
                NotificationRepository.OutboxState::sending);
        gauge("jalon.outbox.failed", "Messages given up after their last attempt", NotificationRepository.OutboxState::failed);
    }

    private void gauge(String name, String description, ToDoubleFunction<NotificationRepository.OutboxState> value) {
        Metrics.globalRegistry().getOrCreate(Gauge.builder(name, this, m -> value.applyAsDouble(m.state()))
                .description(description).addTag(cluster));
    }

    private NotificationRepository.OutboxState state() {
        Instant now = clock.instant();
        if (last == null || readAt.plus(FRESH).isBefore(now)) {
            try {
                last = transactions.inTransaction(repository::outboxState);
            } catch (RuntimeException unreachable) {
                // The database is out of reach: the gauges say « unknown », the health check says why.
                last = UNKNOWN;
            }
            readAt = now;
        }
        return last;
    }
}
