package fr.jalon.referrals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import fr.jalon.candidates.Candidates;
import fr.jalon.jobs.JobDefinition;
import fr.jalon.notifications.Notifications;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.security.SecretBox;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import jakarta.json.JsonObject;

/**
 * The referrals feature: referring organisations and their advisers, referrals and their
 * workflow, and the outcome sent back (feed, signed webhooks, e-mail).
 */
public final class Referrals {

    private final OrganisationRepository organisations = new OrganisationRepository();
    private final List<ApiRoutes.ApiService> services;
    private final ReferralDesk desk;
    private final OutcomeDelivery outcomes;
    private final ChangeLogRepository changes = new ChangeLogRepository();
    private final Transactions transactions;
    private final Clock clock;
    private final Duration expiry;
    private final IdempotencyKeyRepository idempotencyKeys = new IdempotencyKeyRepository();

    public Referrals(DbClient db, Transactions transactions, Candidates candidates, Notifications notifications,
                     AuditLog audit, RequestBodies bodies, Clock clock, Predicate<UUID> centerExists, boolean production,
                     SecretBox secrets,
                     Duration expiry) {
        this.transactions = transactions;
        this.clock = clock;
        ReferralRepository referrals = new ReferralRepository();
        this.expiry = expiry;
        this.desk = new ReferralDesk(transactions, referrals, organisations, changes, candidates, audit, clock, expiry);
        candidates.onStatusChange(desk::enrolmentChanged);
        candidates.retention().onErase(referrals::erase);
        this.outcomes = new OutcomeDelivery(transactions, changes, notifications.mailer(), notifications.templates(), clock,
                production, secrets);
        // Webhook secrets stored before they were sealed are sealed now (once; idempotent).
        transactions.run(tx -> organisations.sealWebhookSecrets(tx, secrets));
        outcomes.validateTemplates();
        this.services = List.of(
                new OrganisationsService(new OrganisationDesk(db, transactions, organisations, audit, production, secrets), bodies,
                        centerExists),
                new ReferralsService(desk, new ReferralIntake(transactions, desk, idempotencyKeys),
                        new ReferralFeed(transactions, changes, audit), candidates, bodies, clock));
    }

    public List<ApiRoutes.ApiService> httpServices() {
        return services;
    }

    /** Forgets the answers to retried requests older than 24 hours (retention job). */
    public String expireIdempotencyKeys() {
        int n = transactions.inTransaction(idempotencyKeys::expire);
        return n + " réponse(s) d'idempotence de plus de 24 h effacée(s)";
    }

    public boolean organisationExists(DbExecute exec, UUID id) {
        return organisations.exists(exec, id);
    }

    /**
     * Certification results reached the enrolment behind a referral (called by the results
     * import, inside its transaction): the referral becomes CERTIFIED with the summary.
     */
    public void resultsArrived(DbExecute tx, UUID enrolmentId, JsonObject summary) {
        desk.certified(tx, Set.of(enrolmentId), id -> summary);
    }

    /**
     * The same for a whole import at once: referrals are looked up in one query, and only the
     * referred enrolments' summaries are asked for (an import of 100,000 results has a few).
     */
    public void resultsArrived(DbExecute tx, Set<UUID> enrolmentIds, Function<UUID, JsonObject> summaryOf) {
        desk.certified(tx, enrolmentIds, summaryOf);
    }

    /** Numbers new changes, then sends their webhooks and e-mails (job "referral-outcomes"). */
    public String deliverOutcomes() {
        transactions.run(changes::sequence);
        return outcomes.deliver();
    }

    /** The scheduled jobs of referrals: outcomes back to advisers, expiry of referrals nobody handled. */
    public List<JobDefinition> jobs() {
        return List.of(
                new JobDefinition("referral-outcomes", "Envoie aux prescripteurs les suites de leurs orientations "
                        + "(webhooks signés, e-mails)", "7/10 * * * * ?", this::deliverOutcomes),
                new JobDefinition("referral-expiry", "Expire les orientations non traitées depuis " + expiry.toDays()
                        + " jours et rappelle aux centres celles qui attendent", "0 30 2 * * ?", this::expire));
    }

    /** Expires NEW referrals nobody handled in time (job "referral-expiry"). */
    public String expire() {
        return expire(clock.instant());
    }

    /** The same as of {@code now}: lets tests drive the clock. */
    public String expire(Instant now) {
        int expired = desk.expire(now);
        int reminded = desk.remindCentres(outcomes, now);
        return expired + " orientation(s) expirée(s), " + reminded + " centre(s) relancé(s)";
    }
}
