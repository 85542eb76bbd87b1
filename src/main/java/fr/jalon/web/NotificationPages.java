package fr.jalon.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Role;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The centre's messages for staff: what failed and why (sent again in one click), what is held
 * for want of a channel, what waits and what went; and the day's letters to print, one PDF per
 * site. Through {@code /api/v1/notifications}.
 */
final class NotificationPages implements ApiRoutes.ApiService {

    static final String PAGE = "/console/notifications";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy à HH:mm", Locale.FRANCE);
    private static final List<String> STATUSES = List.of("FAILED", "HELD", "PENDING", "SENT");
    private static final Map<String, String> STATUS_LABELS = Map.of("FAILED", "En échec", "HELD",
            "À remettre en main propre", "PENDING", "En attente d'envoi", "SENT", "Envoyés");
    private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("CONVOCATION", "Convocation"),
            Map.entry("PROMOTED", "Place libérée (liste d'attente)"), Map.entry("REMINDER", "Rappel"),
            Map.entry("SESSION_CHANGED", "Session modifiée"), Map.entry("SESSION_CANCELLED", "Session annulée"),
            Map.entry("NO_SHOW", "Absence"), Map.entry("RESULTS_AVAILABLE", "Résultats disponibles"),
            Map.entry("INVIGILATOR_ASSIGNED", "Surveillance prévue"), Map.entry("INVIGILATOR_REMINDER", "Rappel de surveillance"),
            Map.entry("CAMPAIGN_INVITATION", "Invitation à une campagne"), Map.entry("CAMPAIGN_REMINDER", "Relance de campagne"));
    private static final Map<String, String> CHANNELS = Map.of("EMAIL", "e-mail", "SMS", "SMS", "LETTER", "courrier",
            "HAND", "en main propre");
    /** Looking up each candidate's name costs a request: only for the lists staff act on, and not beyond this. */
    private static final int NAMED = 50;

    private final WebContext web;

    NotificationPages(WebContext web) {
        this.web = web;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, PAGE, this::page)
                .root(Method.POST, PAGE + "/{id}/renvoyer", this::retry)
                .root(Method.GET, PAGE + "/courriers.pdf", this::letters);
    }

    private void page(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (signed.isEmpty()) {
            return;
        }
        String status = req.query().first("statut").asOptional().filter(STATUSES::contains).orElse("FAILED");
        LocalDate day = req.query().first("jour").asOptional().flatMap(NotificationPages::date).orElse(web.today());
        String token = signed.get().token();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> n : web.api.get(req, token, "/notifications?limit=200&status=" + status).items()) {
            Map<String, Object> row = new LinkedHashMap<>(n);
            row.put("nature", KINDS.getOrDefault(String.valueOf(n.get("kind")), String.valueOf(n.get("kind"))));
            row.put("canal", CHANNELS.getOrDefault(String.valueOf(n.get("channel")), String.valueOf(n.get("channel"))));
            row.put("quand", when(n.get("sentAt") instanceof String sent ? sent : n.get("createdAt")));
            row.put("destinataire", "");
            row.put("session", "");
            if (!"SENT".equals(status) && rows.size() < NAMED && n.get("enrolmentId") instanceof String enrolment) {
                LoopbackApi.Answer e = web.api.get(req, token, "/enrolments/" + enrolment);
                if (e.ok() && e.body().get("person") instanceof Map<?, ?> person) {
                    row.put("destinataire", person.get("birthName") + " " + person.get("firstName"));
                    row.put("session", String.valueOf(e.body().get("sessionId")));
                }
            }
            rows.add(row);
        }
        List<Map<String, Object>> tabs = new ArrayList<>();
        STATUSES.forEach(s -> tabs.add(Map.of("code", s, "libelle", STATUS_LABELS.get(s), "courant", s.equals(status))));
        Map<String, Object> model = web.page("Notifications", signed.get(), PAGE);
        model.put("onglets", tabs);
        model.put("statut", status);
        model.put("libelle", STATUS_LABELS.get(status));
        model.put("notifications", rows);
        model.put("jour", day.toString());
        model.put("courriers", web.api.get(req, token, "/notifications/letters?date=" + day).items());
        model.put("message", req.query().first("fait").filter("renvoyee"::equals).isPresent()
                ? "La notification est remise dans la file : elle part avec le prochain envoi (toutes les 10 secondes)." : "");
        web.render(res, Status.OK_200, "notifications", model);
    }

    private void retry(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Optional<String> id = WebContext.pathId(req);
        LoopbackApi.Answer answer = id.map(i -> web.api.post(req, signed.token(), "/notifications/" + i + "/retry",
                Jsons.createObjectBuilder().build())).orElse(new LoopbackApi.Answer(404, Map.of()));
        if (answer.status() == 404) {
            web.notFound(res, signed);
        } else if (!answer.ok()) {
            Map<String, Object> model = web.page("Notifications", signed, PAGE);
            model.put("detail", answer.detail());
            web.render(res, Status.create(answer.status()), "document-refus", model);
        } else {
            WebContext.redirect(res, PAGE + "?fait=renvoyee");
        }
    }

    private void letters(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (signed.isEmpty()) {
            return;
        }
        Optional<LocalDate> day = req.query().first("jour").asOptional().flatMap(NotificationPages::date);
        Optional<String> site = req.query().first("site").asOptional().filter(WebContext::isUuid);
        if (day.isEmpty() || site.isEmpty()) {
            web.notFound(res, signed.get());
            return;
        }
        LoopbackApi.Download pdf = web.api.download(req, signed.get().token(), "/notifications/letters.pdf?date="
                + day.get() + "&siteId=" + site.get());
        if (pdf.status() != 200) {
            web.notFound(res, signed.get());
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, pdf.contentType()).header(HeaderNames.CONTENT_DISPOSITION, pdf.disposition()
                .orElse("attachment; filename=\"courriers-" + day.get() + ".pdf\"")).send(pdf.body());
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String when(Object instant) {
        try {
            return OffsetDateTime.parse(String.valueOf(instant)).atZoneSameInstant(WebContext.PARIS).format(WHEN);
        } catch (DateTimeParseException e) {
            return "";
        }
    }
}
