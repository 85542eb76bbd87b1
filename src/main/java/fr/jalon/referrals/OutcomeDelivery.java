package fr.jalon.referrals;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import fr.jalon.notifications.Notifications;
import fr.jalon.notifications.RetryPolicy;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.JsonText;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.SecretBox;
import fr.jalon.platform.templates.TemplateRenderer;
import fr.jalon.platform.text.FrenchDates;

import io.helidon.dbclient.DbExecute;
import jakarta.json.JsonObject;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends the outcome of each referral change to the adviser: a signed webhook to the organisation
 * (JSON {@code {id, event, occurred_at, referral}}, header {@code X-Jalon-Signature}) and an
 * e-mail. Due rows are taken under SKIP LOCKED, failures retried with backoff, then failed. The
 * event id is the change's id: receivers de-duplicate on it (delivery is at least once).
 */
final class OutcomeDelivery {

    private static final Logger LOG = System.getLogger(OutcomeDelivery.class.getName());
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int BATCH = 50;
    /** How long a claimed batch is this instance's: 50 deliveries at the 10 s webhook timeout, and room. */
    private static final Duration LEASE = Duration.ofMinutes(10);
    static final String SUBJECT = "mail/referral-update.subject.vm";
    static final String TEXT = "mail/referral-update.txt.vm";
    static final String HTML = "mail/referral-update.html.vm";
    static final String WAITING_SUBJECT = "mail/referrals-waiting.subject.vm";
    static final String WAITING_TEXT = "mail/referrals-waiting.txt.vm";
    static final String WAITING_HTML = "mail/referrals-waiting.html.vm";

    private final Transactions transactions;
    private final ChangeLogRepository changes;
    private final Notifications.Mailer mailer;
    private final TemplateRenderer templates;
    private final Clock clock;
    private final OkHttpClient http;
    private final SecretBox secrets;
    private final RandomGenerator random = RandomGenerator.getDefault();
    /** This instance's name on the leases it takes. */
    private final String instance = "jalon-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();

    OutcomeDelivery(Transactions transactions, ChangeLogRepository changes, Notifications.Mailer mailer, TemplateRenderer templates,
                    Clock clock, boolean production, SecretBox secrets) {
        this.http = WebhookHttp.client(production);
        this.secrets = secrets;
        this.transactions = transactions;
        this.changes = changes;
        this.mailer = mailer;
        this.templates = templates;
        this.clock = clock;
    }

    /** Renders the adviser's e-mail with an example: a broken reworded template stops the start. */
    void validateTemplates() {
        Map<String, Object> example = model("Claire Martin", "Léa Dupont", ReferralStatus.CERTIFIED,
                "certification validée, 412 pix sur 895, niveau Indépendant 4");
        for (String template : List.of(SUBJECT, TEXT, HTML)) {
            templates.render(template, example);
        }
        Map<String, Object> waiting = Map.of("centre", "Centre des Landes", "nombre", 3, "depuis", "3 mars 2026");
        for (String template : List.of(WAITING_SUBJECT, WAITING_TEXT, WAITING_HTML)) {
            templates.render(template, waiting);
        }
    }

    String deliver() {
        int sent = 0;
        int retried = 0;
        List<UUID> batch;
        do {
            // Claimed in a short transaction, sent with none open, each outcome recorded on its own.
            Instant leaseUntil = clock.instant().plus(LEASE);
            batch = transactions.inTransaction(tx -> changes.claimDue(tx, BATCH, instance, leaseUntil));
            if (batch.isEmpty()) {
                break;
            }
            List<UUID> ids = batch;
            for (ChangeLogRepository.DueDelivery d : transactions.inTransaction(tx -> changes.claimed(tx, ids))) {
                if (send(d)) {
                    sent++;
                } else {
                    retried++;
                }
            }
        } while (batch.size() >= BATCH);
        return sent + " envoyé(s), " + retried + " à réessayer ou en échec";
    }

    /**
     * One e-mail per centre whose referrals wait (NEW) for a week without a reminder; sent before
     * the reminder is recorded, so a failed e-mail is tried again at the next run.
     */
    int remindCentres(DbExecute tx, ReferralRepository referrals, Instant now) throws Exception {
        int sent = 0;
        for (ReferralRepository.Waiting w : referrals.waiting(tx, now)) {
            Map<String, Object> model = Map.of("centre", w.centre(), "nombre", w.referralIds().size(),
                    "depuis", FrenchDates.date(
                            LocalDate.ofInstant(w.oldest(), ZoneId.of("Europe/Paris"))));
            mailer.send(UUID.randomUUID(), w.email(), templates.render(WAITING_SUBJECT, model).strip(),
                    templates.render(WAITING_TEXT, model), templates.render(WAITING_HTML, model));
            referrals.reminded(tx, w.referralIds(), now);
            sent++;
        }
        return sent;
    }

    private boolean send(ChangeLogRepository.DueDelivery d) {
        Instant now = clock.instant();
        try {
            if (d.channel().equals("WEBHOOK")) {
                webhook(d, now);
            } else {
                email(d);
            }
        } catch (Exception e) {
            String error = "Échec d'envoi (" + e.getClass().getSimpleName() + (e instanceof HttpStatus h ? " " + h.code : "")
                    + ")";
            LOG.log(Level.WARNING, "Referral delivery " + d.id() + " not sent: " + error);
            Optional<Instant> next = RetryPolicy.DEFAULT.next(d.attempts(), now, random);
            record(d.id(), tx -> next.isPresent() ? changes.markRetry(tx, d.id(), instance, next.get(), error)
                    : changes.markFailed(tx, d.id(), instance, error));
            return false;
        }
        record(d.id(), tx -> changes.markSent(tx, d.id(), instance));
        return true;
    }

    /** An outcome in its own transaction; a delivery whose lease this instance lost is left to its new holder. */
    private void record(UUID id, Function<DbExecute, Boolean> outcome) {
        if (!transactions.inTransaction(outcome::apply)) {
            LOG.log(Level.WARNING, "Referral delivery " + id + ": lease lost before its outcome was recorded");
        }
    }

    private void webhook(ChangeLogRepository.DueDelivery d, Instant now) throws IOException {
        if (d.webhookUrl() == null) {
            return; // The webhook was removed since: nothing to send.
        }
        String body = Jsons.createObjectBuilder()
                .add("id", d.changeId().toString())
                .add("event", d.event())
                .add("occurredAt", d.occurredAt().toString())
                .add("referral", snapshot(d))
                .build().toString();
        Request request = new Request.Builder().url(d.webhookUrl())
                .header("X-Jalon-Signature", WebhookSignature.header(secrets.open(d.webhookSecret()), now.getEpochSecond(), body))
                .header("X-Jalon-Event", d.event())
                .post(RequestBody.create(body, JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new HttpStatus(response.code());
            }
        }
    }

    private void email(ChangeLogRepository.DueDelivery d) throws Exception {
        JsonObject referral = snapshot(d);
        ReferralStatus status = ReferralStatus.valueOf(referral.getString("status"));
        Map<String, Object> model = model(d.adviserName(), referral.getString("personName"), status,
                resultLine(referral.getJsonObject("result")));
        mailer.send(d.id(), d.adviserEmail(), templates.render(SUBJECT, model).strip(), templates.render(TEXT, model),
                templates.render(HTML, model));
    }

    private static Map<String, Object> model(String adviser, String person, ReferralStatus status, String result) {
        return Map.of("conseiller", adviser, "personne", person, "statut", status.label(),
                "rendezVous", status.appointment() == null ? "" : status.appointment(), "resultat", result);
    }

    /** The result in one French line ("certification validée, 412 pix sur 895, niveau Indépendant 4"), or "". */
    static String resultLine(JsonObject result) {
        if (result == null || !result.containsKey("statusLabel")) {
            return "";
        }
        StringBuilder line = new StringBuilder("certification ").append(result.getString("statusLabel").toLowerCase(
                Locale.ROOT));
        if (result.containsKey("score")) {
            line.append(", ").append(result.getInt("score")).append(" pix sur ").append(result.getInt("maxScore"))
                    .append(", niveau ").append(result.getString("globalLevelLabel"));
        }
        result.getJsonArray("complementary").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("status").equals("VALIDATED"))
                .forEach(c -> line.append(", ").append(c.getString("name")).append(" obtenue"));
        return line.toString();
    }

    private static JsonObject snapshot(ChangeLogRepository.DueDelivery d) {
        return JsonText.readObject(d.snapshot());
    }

    /** A webhook receiver's non-2xx answer. */
    private static final class HttpStatus extends IOException {
        private final int code;

        HttpStatus(int code) {
            super("HTTP " + code);
            this.code = code;
        }
    }
}
