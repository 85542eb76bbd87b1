package fr.jalon.notifications;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.jalon.jobs.JobDefinition;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.config.SmsSettings;
import fr.jalon.platform.config.SmtpSettings;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.templates.TemplateRenderer;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

/**
 * The notifications feature: plans messages from events and reminders, delivers them by e-mail
 * (SMTP or {@code .eml} files under {@code <data>/outbox}), SMS (HTTP provider or files) and
 * letters (printed by staff from a day's PDF batch), and shows staff what happened.
 */
public final class Notifications {

    private final NotificationDelivery delivery;
    private final NotificationsService service;
    private final Clock clock;
    private final List<Integer> reminderDays;
    private final Mailer mailer;
    private final TemplateRenderer templates;
    private final NotificationRepository repository;
    private final Path outbox;
    private final OutboxMetrics metrics;
    private volatile int campaignReminderDays = 7;

    /** E-mails that are not about a candidate's session (e.g. to an adviser), over the configured transport. */
    @FunctionalInterface
    public interface Mailer {
        /** {@code id} names the message (the outbox file, the log line); throws when it could not be handed over. */
        void send(UUID id, String to, String subject, String text, String html) throws Exception;
    }

    /** The attestation a results message attaches, by enrolment (provided by the attestations feature). */
    @FunctionalInterface
    public interface AttestationSource {
        Optional<Document> attestation(UUID enrolmentId);

        record Document(String fileName, byte[] pdf) {
        }
    }

    private volatile AttestationSource attestations = enrolmentId -> Optional.empty();

    /** Where results messages find the attestation to attach. */
    public void attachAttestationsFrom(AttestationSource source) {
        this.attestations = source;
    }

    public Notifications(DbClient db, Transactions transactions, AuditLog audit, TemplateRenderer templates, Path outbox,
                         Clock clock, List<Integer> reminderDays, ConvocationSent convocationSent,
                         Optional<SmtpSettings> smtp, Optional<SmsSettings> sms) {
        this.clock = clock;
        this.reminderDays = List.copyOf(reminderDays);
        this.repository = new NotificationRepository();
        this.outbox = outbox;
        Transport files = new FileTransport(outbox, clock);
        Transport email = smtp.<Transport>map(SmtpTransport::new).orElse(files);
        Transport transport = new RoutingTransport(email, sms.<Transport>map(HttpSmsTransport::new).orElse(files), files);
        this.mailer = (id, to, subject, text, html) -> email.send(
                new Message(id, "EMAIL", to, "ne-pas-repondre@jalon.local", subject, text, html, List.of()));
        this.templates = templates;
        MessageComposer composer = new MessageComposer(templates, id -> attestations.attestation(id));
        this.delivery = new NotificationDelivery(transactions, repository, composer, transport, clock,
                RetryPolicy.DEFAULT, convocationSent);
        this.service = new NotificationsService(new NotificationDesk(repository, db, transactions, audit, composer), clock);
        this.metrics = new OutboxMetrics(transactions, repository, clock);
    }

    /** Retention: what the outbox keeps about these people or invigilators (delivery errors); rows cleared. */
    public int erase(DbExecute tx, List<UUID> personIds,
                     List<UUID> invigilatorIds) {
        return repository.erase(tx, personIds, invigilatorIds, List.of());
    }

    /** Retention: what the outbox keeps about these agents of local authorities (delivery errors); rows cleared. */
    public int eraseAgents(DbExecute tx, List<UUID> agentIds) {
        return repository.erase(tx, List.of(), List.of(), agentIds);
    }

    /**
     * Deletes the message files of the {@code file} transport ({@code <data>/outbox}) older than
     * {@code days} days, then the folders left empty; returns a summary for the job record.
     */
    public String purgeOutbox(int days) {
        return OutboxFiles.purge(outbox, clock.instant().minus(Duration.ofDays(days))) + " fichier(s) de "
                + "l'outbox de plus de " + days + " jours supprimé(s)";
    }

    /** The scheduled jobs of notifications: planning convocations and reminders, delivering what is due. */
    public List<JobDefinition> jobs() {
        return List.of(
                new JobDefinition("notification-planner", "Prépare les convocations des nouvelles inscriptions",
                        "0/10 * * * * ?", this::plan),
                new JobDefinition("notification-reminders", "Prépare les rappels " + reminderDays.stream()
                        .map(days -> "J-" + days).collect(Collectors.joining(", ")), "0 */15 * * * ?",
                        this::planReminders),
                new JobDefinition("notification-delivery", "Envoie les notifications dues", "5/10 * * * * ?",
                        this::deliver),
                new JobDefinition("campaign-messages", "Prépare les invitations aux campagnes et les relances à J+"
                        + campaignReminderDays + " des agents qui n'ont pas commencé", "30 */15 * * * ?",
                        this::planCampaignMessages));
    }

    /** The outbox's gauges on {@code /observe/metrics}, tagged with the cluster's name. */
    public void watchOutbox(String cluster) {
        metrics.register(cluster);
    }

    /** How long a claimed batch of messages stays this instance's before another may take it over. */
    public void leaseDeliveriesFor(Duration lease) {
        delivery.leaseFor(lease);
    }

    /** Shutdown: deliveries claim no new batch (the one under way is sent and recorded). */
    public void stopDelivering() {
        delivery.stop();
    }

    public Mailer mailer() {
        return mailer;
    }

    public TemplateRenderer templates() {
        return templates;
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }

    /** Turns new enrolment and session events into outbox rows (job "notification-planner"). */
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

    /** After how many days an agent who has not started a campaign is reminded (JALON_CAMPAIGN_REMINDER_DAYS). */
    public void remindCampaignAgentsAfter(int days) {
        this.campaignReminderDays = days;
    }

    /** Plans campaign invitations and reminders (job "campaign-messages"). */
    public String planCampaignMessages() {
        return planCampaignMessages(clock.instant());
    }

    /** The same at a given instant: lets tests drive time. */
    public String planCampaignMessages(Instant now) {
        return delivery.planCampaignMessages(now, campaignReminderDays);
    }

    /** Sends what is due (job "notification-delivery"). */
    public String deliver() {
        return delivery.deliver();
    }

    /** The same as of a given instant (quiet hours depend on it): lets tests drive the time of day. */
    public String deliver(Instant now) {
        return delivery.deliver(now);
    }
}
