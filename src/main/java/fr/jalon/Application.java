package fr.jalon;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import fr.jalon.attestations.Attestations;
import fr.jalon.campaigns.Campaigns;
import fr.jalon.candidates.Candidates;
import fr.jalon.centers.Centers;
import fr.jalon.documents.Documents;
import fr.jalon.fragility.Fragility;
import fr.jalon.invigilators.Invigilators;
import fr.jalon.jobs.JobDefinition;
import fr.jalon.jobs.Jobs;
import fr.jalon.notifications.MessageCatalogue;
import fr.jalon.notifications.Notifications;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.audit.AuditService;
import fr.jalon.platform.codes.CodeGenerator;
import fr.jalon.platform.config.JalonSettings;
import fr.jalon.platform.db.Database;
import fr.jalon.platform.db.DatabaseHealthCheck;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.AccessLogFilter;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.ClientAddresses;
import fr.jalon.platform.http.HeavyWork;
import fr.jalon.platform.http.OpenApiDocument;
import fr.jalon.platform.http.OpenApiPage;
import fr.jalon.platform.http.ProblemHandlers;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.http.RequestMetrics;
import fr.jalon.platform.http.StartupReadiness;
import fr.jalon.platform.security.Authentication;
import fr.jalon.platform.security.SecretBox;
import fr.jalon.platform.security.TokenCache;
import fr.jalon.platform.security.WriteLimits;
import fr.jalon.platform.templates.TemplateRenderer;
import fr.jalon.referrals.Referrals;
import fr.jalon.results.CertificationResult;
import fr.jalon.results.Results;
import fr.jalon.sessionday.SessionDay;
import fr.jalon.sessions.SessionRoomUsage;
import fr.jalon.sessions.Sessions;
import fr.jalon.territory.Territory;
import fr.jalon.territory.TerritoryService;
import fr.jalon.territory.V3__Load_territory_reference;
import fr.jalon.territory.V8__Load_countries;
import fr.jalon.users.AdminBootstrap;
import fr.jalon.users.UserAccountRepository;
import fr.jalon.users.Users;
import fr.jalon.web.Console;
import fr.jalon.web.HomePage;

import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

/**
 * Explicit wiring of every feature on one database: no container, no discovery. Used by
 * {@link Jalon} to run the service and by the tests to serve the same routes.
 */
public final class Application {

    private final Database database;
    private final UserAccountRepository accounts;
    private final TokenCache tokens;
    private final Users users;
    private final AdminBootstrap bootstrap;
    private final HeavyWork heavyWork = HeavyWork.forThisMachine();
    private final List<ApiRoutes.ApiService> services;
    private final AccessLogFilter accessLog;
    private final RequestMetrics requestMetrics = new RequestMetrics();
    private final WriteLimits writeLimits;
    private final Jobs jobs;
    private final Notifications notifications;
    private final Referrals referrals;
    private final Results results;
    private final boolean automaticJobs;
    private final Invigilators invigilators;
    private final TemplateRenderer templates;
    private final AuditLog audit = new AuditLog();
    private final StartupReadiness startup = new StartupReadiness();
    private final Candidates candidates;
    private final Sessions sessions;
    private final SessionDay sessionDay;
    private final Campaigns campaigns;
    private final Fragility fragility;
    private final JalonSettings settings;
    private final Console console;

    private Application(Database database, JalonSettings settings, Clock clock) {
        this.database = database;
        Transactions transactions = database.transactions();
        AuditLog audit = this.audit;
        DomainEvents events = new DomainEvents();
        RequestBodies bodies = new RequestBodies(settings.maxJsonBytes(), settings.maxImportBytes());
        this.accounts = new UserAccountRepository(database.client());
        this.tokens = new TokenCache(accounts);
        this.automaticJobs = settings.automaticJobs();
        this.accessLog = AccessLogFilter.to(settings.accessLogFile().orElse(null));
        this.writeLimits = new WriteLimits(settings.writesPerTokenPerMinute(), clock);
        this.bootstrap = new AdminBootstrap(transactions, accounts, audit, clock);

        // Every message template renders once now: a broken reworded template stops the start.
        TemplateRenderer templates = new TemplateRenderer(settings.templatesDir());
        this.templates = templates;
        new MessageCatalogue(templates).validate();
        Territory territory = new Territory(database.client());
        // The birthplace directory (every commune and country) loads in the background at start,
        // so the first enrolment or import does not wait for it.
        Thread.ofVirtual().name("jalon-places-preload").start(() -> {
            try {
                territory.places();
            } catch (RuntimeException e) {
                // Not fatal: the directory then loads on first use.
            }
        });
        Centers centers = new Centers(database.client(), transactions, territory, audit, new SessionRoomUsage(), bodies);
        Sessions sessions = new Sessions(database.client(), transactions, centers, audit, events, new CodeGenerator(),
                clock, bodies);
        this.settings = settings;
        Candidates candidates = new Candidates(database.client(), transactions, sessions, centers, territory, audit,
                events, clock, bodies, settings.retentionMonths());
        this.candidates = candidates;
        this.notifications = new Notifications(database.client(), transactions, audit, templates,
                settings.dataDir().resolve("outbox"), clock, settings.reminderDays(), candidates::convoked,
                settings.smtp(), settings.sms());
        notifications.remindCampaignAgentsAfter(settings.campaignReminderDays());
        notifications.leaseDeliveriesFor(Duration.ofSeconds(settings.deliveryLeaseSeconds()));
        notifications.watchOutbox(settings.schedulerName());
        database.registerMetrics();
        this.referrals = new Referrals(database.client(), transactions, candidates, notifications, audit, bodies, clock,
                id -> centers.centerExists(database.client().execute(), id), settings.externalDb().isPresent(),
                SecretBox.configured(settings.secretKey(), settings.embeddedDatabase(),
                        settings.dataDir().resolve("secret.key")),
                Duration.ofDays(settings.referralExpiryDays()));
        this.invigilators = new Invigilators(transactions, centers, sessions, audit, bodies, events, clock,
                Duration.ofMinutes(settings.travelMinutes()),
                Duration.ofSeconds(settings.plannerSeconds()));
        candidates.retention().onErase((tx, erasure) -> Map.of("notifications",
                notifications.erase(tx, erasure.personIds(), List.of())));
        this.sessions = sessions;
        this.sessionDay = new SessionDay(transactions, sessions, candidates, audit, events, bodies, clock);
        // Each feature brings its jobs; retention spans features, so it is composed here.
        this.fragility = new Fragility(database.client(), transactions, audit, bodies, clock);
        // The scheduler keeps its bookkeeping (triggers, cluster check-ins) on a small pool of its own, so that
        // an exhausted service pool never makes the other instances think this one died.
        this.jobs = new Jobs(settings.schedulerName(), database.separatePool("jalon-quartz", 3), database.client(),
                Stream.concat(Stream.of(
                new JobDefinition("retention", "Anonymise les personnes, surveillants et comptes inactifs depuis plus de "
                        + settings.retentionMonths() + " mois, efface les fichiers de l'outbox de plus de "
                        + settings.outboxDays() + " jours et les réponses d'idempotence de plus de 24 h",
                        "0 15 3 * * ?", this::purgeRetention)),
                Stream.of(notifications.jobs(), referrals.jobs(), fragility.jobs()).flatMap(List::stream)).toList());
        this.results = new Results(transactions, sessions, candidates, audit, events, bodies, clock);
        Attestations attestations = new Attestations(transactions, results, sessions, audit, templates, bodies,
                settings.publicUrl(), ClientAddresses.trusting(settings.trustedProxies()), clock);
        candidates.retention().onErase(attestations::erase);
        notifications.attachAttestationsFrom(enrolmentId -> attestations.forMessage(enrolmentId)
                .map(d -> new Notifications.AttestationSource.Document(d.fileName(), d.pdf())));
        results.onRecorded((tx, recorded, corrected) -> {
            Map<UUID, CertificationResult> byEnrolment = HashMap.newHashMap(recorded.size());
            recorded.forEach(r -> byEnrolment.put(r.enrolmentId(), r));
            referrals.resultsArrived(tx, byEnrolment.keySet(), id -> byEnrolment.get(id).summary());
        });
        this.campaigns = new Campaigns(database.client(), transactions, centers, territory, sessions, candidates, audit,
                bodies, new CodeGenerator(), clock);
        this.users = new Users(transactions, accounts, tokens, centers, referrals::organisationExists,
                campaigns::authorityExists, audit, bodies, templates, notifications.mailer()::send, settings.publicUrl(),
                clock);
        this.console = new Console(users, templates, settings.embeddedDatabase(), clock);
        this.services = Stream.concat(Stream.of(
                new OpenApiDocument(),
                new OpenApiPage(),
                users.httpService(),
                new AuditService(audit, database.client()),
                new TerritoryService(territory),
                centers.httpService(),
                // Before the sessions' routes: /sessions/documents.zip is not /sessions/{id}.
                new Documents(transactions, sessions, candidates, centers, audit).httpService(),
                sessions.httpService(),
                candidates.httpService(),
                sessionDay.httpService(),
                results.httpService(),
                attestations.httpService(),
                notifications.httpService(),
                jobs.httpService(),
                fragility.httpService()), Stream.of(referrals.httpServices(), invigilators.httpServices(),
                campaigns.httpServices(), console.httpServices()).flatMap(List::stream)).toList();
    }

    /**
     * The retention job (DESIGN.md): people, invigilators and accounts inactive past the limit,
     * outbox files past theirs, answers to retried requests past 24 hours. Each part commits on
     * its own; a summary of each goes to the job record.
     */
    public String purgeRetention() {
        Transactions transactions = database.transactions();
        int months = settings.retentionMonths();
        String accounts = transactions.inTransaction(tx -> users.anonymiseInactive(tx, months))
                + " compte(s) inactif(s) anonymisé(s)";
        String sessionTexts = transactions.inTransaction(tx -> {
            int names = sessions.forgetOldNames(tx, months);
            int comments = sessionDay.forgetOldComments(tx, months);
            audit.recordCounts(tx, null, "retention.purge", "sessions",
                    Map.of("sessions", names, "session_reports", comments));
            return names + comments;
        }) + " texte(s) libre(s) de sessions anciennes effacé(s)";
        return String.join(" ; ", candidates.retention().purge(),
                invigilators.purge(months, (tx, ids) -> notifications.erase(tx, List.of(), ids), users::anonymise),
                campaigns.purge(months, notifications::eraseAgents), accounts, sessionTexts, notifications.purgeOutbox(settings.outboxDays()),
                referrals.expireIdempotencyKeys());
    }

    public Fragility fragility() {
        return fragility;
    }

    /** Start-up work (migrations, demo data) is done: readiness turns UP. */
    public void ready() {
        startup.ready();
    }

    /** Migrates the database, then wires the features on it. */
    public static Application on(Database database, JalonSettings settings, Clock clock) {
        database.migrate(List.of(new V3__Load_territory_reference(), new V8__Load_countries()));
        return new Application(database, settings, clock);
    }

    /** Routes, filters, error handling and observability, on a server being configured. */
    public ApiRoutes configure(WebServerConfig.Builder server) {
        // Without TCP_NODELAY an answer written as headers then a body under one segment waits for
        // the client's delayed ACK: ~40 ms on pages and list pages (found by the console benchmark).
        server.connectionOptions(options -> options.tcpNoDelay(true));
        server.featuresDiscoverServices(false)
                .addFeature(ObserveFeature.builder()
                        .endpoint("/observe")
                        .addObserver(HealthObserver.builder()
                                .addCheck(new DatabaseHealthCheck(database.client()))
                                .addCheck(startup)
                                .details(true)
                                .build())
                        .addObserver(MetricsObserver.create())
                        .build());
        HttpRouting.Builder routing = HttpRouting.builder();
        ApiRoutes routes = routes(routing);
        server.routing(routing);
        return routes;
    }

    ApiRoutes routes(HttpRouting.Builder routing) {
        routing.addFilter(accessLog);
        routing.addFilter(requestMetrics);
        routing.addFilter(new Authentication(tokens));
        routing.addFilter(writeLimits);
        routing.addFilter(heavyWork);
        routing.addFilter(console.headers());
        ProblemHandlers.register(routing, path -> HomePage.notFoundPage(templates, path));
        ApiRoutes routes = new ApiRoutes(routing);
        services.forEach(routes::register);
        routing.any(ApiRoutes.BASE + "/*", (req, res) -> {
            throw ApiProblem.notFound("Aucune ressource à l'adresse " + req.path().path() + ".");
        });
        return routes;
    }

    public Referrals referrals() {
        return referrals;
    }

    public Results results() {
        return results;
    }

    public AdminBootstrap bootstrap() {
        return bootstrap;
    }

    public Database database() {
        return database;
    }

    public Notifications notifications() {
        return notifications;
    }

    /** Starts the clustered scheduler (not for one-off commands such as create-token). */
    public void startJobs() {
        jobs.start(automaticJobs);
    }

    /** Stops the scheduler (waiting for running jobs) and flushes the access log, before the database closes. */
    public void close() {
        // No new batch of messages after this; the batch under way is sent and recorded.
        notifications.stopDelivering();
        jobs.close();
        accessLog.close();
    }
}
