package fr.jalon.platform.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.config.Config;

/**
 * The service's settings: {@code application.yaml}, overridden by the {@code JALON_*}
 * environment variables documented in the README. Read once at start.
 */
public record JalonSettings(int port, String host, Path dataDir, Optional<ExternalDb> externalDb, int poolSize,
                            long maxJsonBytes, long maxImportBytes, Optional<String> bootstrapToken,
                            boolean demoData, Optional<Path> accessLogFile, int retentionMonths,
                            String schedulerName, Optional<Path> templatesDir, List<Integer> reminderDays,
                            boolean automaticJobs, Optional<SmtpSettings> smtp, Optional<SmsSettings> sms,
                            int referralExpiryDays, int travelMinutes, int plannerSeconds, String publicUrl,
                            int outboxDays, Optional<String> secretKey, int campaignReminderDays,
                            String trustedProxies, int deliveryLeaseSeconds, int writesPerTokenPerMinute) {

    /** Connection to a PostgreSQL run outside the service (production). */
    public record ExternalDb(String url, String user, String password) {
    }

    public static JalonSettings from(Config config, Map<String, String> env) {
        Config jalon = config.get("jalon");
        int port = intValue(env.get("JALON_PORT")).orElse(config.get("server.port").asInt().orElse(8080));
        String host = nonBlank(env.get("JALON_HOST")).orElse(config.get("server.host").asString().orElse("0.0.0.0"));
        Path dataDir = Path.of(nonBlank(env.get("JALON_DATA_DIR"))
                .orElse(jalon.get("data-dir").asString().orElse("./data")));
        Optional<ExternalDb> db = nonBlank(env.get("JALON_DB_URL"))
                .or(() -> jalon.get("db.url").asString().asOptional().flatMap(JalonSettings::nonBlank))
                .map(url -> new ExternalDb(url,
                        nonBlank(env.get("JALON_DB_USER")).orElse(jalon.get("db.user").asString().orElse("jalon")),
                        Optional.ofNullable(env.get("JALON_DB_PASSWORD"))
                                .orElse(jalon.get("db.password").asString().orElse(""))));
        int poolSize = intValue(env.get("JALON_DB_POOL_SIZE")).orElse(jalon.get("db.pool-size").asInt()
                .orElse(db.isEmpty() ? embeddedPoolSize() : 10));
        long maxJson = jalon.get("http.max-json-bytes").asLong().orElse(64L * 1024);
        long maxImport = jalon.get("http.max-import-bytes").asLong().orElse(10L * 1024 * 1024);
        Optional<String> bootstrap = nonBlank(env.get("JALON_BOOTSTRAP_TOKEN"));
        boolean demo = db.isEmpty() && jalon.get("demo-data").asBoolean().orElse(true);
        Optional<Path> accessLog = nonBlank(env.get("JALON_ACCESS_LOG"))
                .or(() -> jalon.get("access-log").asString().asOptional().flatMap(JalonSettings::nonBlank))
                .filter(value -> !value.equals("stdout"))
                .map(Path::of);
        int retention = intValue(env.get("JALON_RETENTION_MONTHS")).orElse(jalon.get("retention-months").asInt().orElse(24));
        String scheduler = nonBlank(env.get("JALON_SCHEDULER_NAME"))
                .orElse(jalon.get("scheduler-name").asString().orElse("jalon"));
        Optional<Path> templates = nonBlank(env.get("JALON_TEMPLATES_DIR"))
                .or(() -> jalon.get("templates-dir").asString().asOptional().flatMap(JalonSettings::nonBlank))
                .map(Path::of);
        List<Integer> reminders = nonBlank(env.get("JALON_REMINDER_DAYS"))
                .or(() -> jalon.get("reminder-days").asString().asOptional().flatMap(JalonSettings::nonBlank))
                .map(text -> Arrays.stream(text.split(",")).map(String::strip).map(Integer::parseInt).toList())
                .orElse(List.of(7, 2));
        boolean automaticJobs = nonBlank(env.get("JALON_JOBS_AUTOMATIC")).map(Boolean::parseBoolean)
                .orElse(jalon.get("jobs-automatic").asBoolean().orElse(true));
        int referralExpiry = intValue(env.get("JALON_REFERRAL_EXPIRY_DAYS"))
                .orElse(jalon.get("referral-expiry-days").asInt().orElse(30));
        // Time allowed between two sessions at different sites for one invigilator, and the planner's default budget.
        int travel = intValue(env.get("JALON_TRAVEL_MINUTES")).orElse(jalon.get("travel-minutes").asInt().orElse(60));
        int plannerSeconds = intValue(env.get("JALON_PLANNER_SECONDS"))
                .orElse(jalon.get("planner-seconds").asInt().orElse(5));
        // Days after an invitation before an agent who has not started a campaign is reminded (once).
        int campaignReminder = intValue(env.get("JALON_CAMPAIGN_REMINDER_DAYS"))
                .orElse(jalon.get("campaign-reminder-days").asInt().orElse(7));
        if (campaignReminder < 1 || campaignReminder > 90) {
            throw new IllegalArgumentException("JALON_CAMPAIGN_REMINDER_DAYS must be between 1 and 90");
        }
        if (travel < 0 || travel > 480) {
            throw new IllegalArgumentException("JALON_TRAVEL_MINUTES must be between 0 and 480");
        }
        if (plannerSeconds < 1 || plannerSeconds > 60) {
            throw new IllegalArgumentException("JALON_PLANNER_SECONDS must be between 1 and 60");
        }
        // The address people reach the service at: printed in attestations' verification links and QR codes.
        Optional<String> configuredUrl = nonBlank(env.get("JALON_PUBLIC_URL"))
                .or(() -> jalon.get("public-url").asString().asOptional().flatMap(JalonSettings::nonBlank));
        if (db.isPresent() && configuredUrl.isEmpty()) {
            // Attestations keep their QR code for good: in production it must not point to localhost.
            throw new IllegalArgumentException("JALON_PUBLIC_URL is required with an external database (JALON_DB_URL): "
                    + "it is printed for good on attestations and in their QR code, e.g. https://jalon.example.fr");
        }
        Optional<String> secretKey = nonBlank(env.get("JALON_SECRET_KEY"));
        if (db.isPresent() && secretKey.isEmpty()) {
            throw new IllegalArgumentException("JALON_SECRET_KEY is required with an external database (JALON_DB_URL): "
                    + "32 bytes in base64 (openssl rand -base64 32); it seals webhook secrets in the database");
        }
        String publicUrl = configuredUrl.orElse("http://localhost:" + port).replaceAll("/+$", "");
        // How long the files of the file transport (<data>/outbox) are kept: they hold whole messages.
        int outboxDays = intValue(env.get("JALON_OUTBOX_DAYS")).orElse(jalon.get("outbox-days").asInt().orElse(30));
        // How long a claimed batch of messages is its instance's before another may take it over.
        int deliveryLease = intValue(env.get("JALON_DELIVERY_LEASE_SECONDS")).orElse(600);
        if (deliveryLease < 5 || deliveryLease > 3_600) {
            throw new IllegalArgumentException("JALON_DELIVERY_LEASE_SECONDS must be between 5 and 3600");
        }
        // Writes (POST, PUT, PATCH, DELETE) per API token and minute on one instance; 0: no limit.
        int writesPerToken = intValue(env.get("JALON_WRITES_PER_TOKEN_PER_MINUTE")).orElse(3_000);
        if (writesPerToken < 0) {
            throw new IllegalArgumentException("JALON_WRITES_PER_TOKEN_PER_MINUTE must be 0 (no limit) or more");
        }
        if (retention < 1 || outboxDays < 1) {
            throw new IllegalArgumentException("JALON_RETENTION_MONTHS and JALON_OUTBOX_DAYS must be at least 1");
        }
        return new JalonSettings(port, host, dataDir, db, poolSize, maxJson, maxImport, bootstrap, demo, accessLog,
                retention, scheduler, templates, reminders, automaticJobs, SmtpSettings.from(env),
                SmsSettings.from(env), referralExpiry, travel, plannerSeconds, publicUrl, outboxDays, secretKey,
                campaignReminder, env.getOrDefault("JALON_TRUSTED_PROXIES", ""), deliveryLease, writesPerToken);
    }

    /**
     * Connections when PostgreSQL runs on the service's own machine: twice its cores and one.
     * More only makes the two contend for the same cores — enrolments at 64 clients on 2 cores:
     * 10 connections 1,249/s with p99 98 ms, 5 connections 1,350/s with p99 68 ms (issue 20).
     */
    public static int embeddedPoolSize() {
        return 2 * Runtime.getRuntime().availableProcessors() + 1;
    }

    public boolean embeddedDatabase() {
        return externalDb.isEmpty();
    }

    private static Optional<Integer> intValue(String text) {
        return nonBlank(text).map(Integer::parseInt);
    }

    private static Optional<String> nonBlank(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(s -> !s.isEmpty());
    }
}
