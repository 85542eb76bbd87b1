package fr.jalon.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Role;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * An invigilator's page, readable on a phone: the sessions they are expected at, to confirm or
 * decline (with a reason), and the address of their calendar feed. Through {@code /api/v1/me/…}.
 */
final class InvigilatorPages implements ApiRoutes.ApiService {

    static final String PAGE = "/console/surveillances";
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);
    private static final Map<String, String> STATUS = Map.of("PUBLISHED", "à confirmer", "CONFIRMED", "confirmée",
            "DECLINED", "déclinée");

    private final WebContext web;

    InvigilatorPages(WebContext web) {
        this.web = web;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, PAGE, this::page)
                .root(Method.POST, PAGE + "/{id}/confirmer", this::confirm)
                .root(Method.POST, PAGE + "/{id}/decliner", this::decline)
                .root(Method.POST, PAGE + "/agenda", this::calendar);
    }

    private void page(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.INVIGILATOR);
        if (signed.isPresent()) {
            String notice = switch (req.query().first("fait").orElse("")) {
                case "confirmee" -> "Merci : votre présence est confirmée.";
                case "declinee" -> "C'est noté : le centre cherchera quelqu'un d'autre.";
                default -> "";
            };
            render(req, res, signed.get(), Status.OK_200, notice, "", "");
        }
    }

    private void render(ServerRequest req, ServerResponse res, WebContext.Signed signed, Status status, String notice,
                        String error, String calendarPath) {
        List<Map<String, Object>> assignments = new ArrayList<>();
        for (Map<String, Object> a : web.api.get(req, signed.token(), "/me/assignments").items()) {
            Map<String, Object> row = new LinkedHashMap<>(a);
            row.put("dateLongue", LocalDate.parse(String.valueOf(a.get("date"))).format(LONG_DATE));
            row.put("statut", STATUS.getOrDefault(String.valueOf(a.get("status")), String.valueOf(a.get("status"))));
            row.put("aRepondre", "PUBLISHED".equals(a.get("status")));
            assignments.add(row);
        }
        Map<String, Object> model = web.page("Mes surveillances", signed, PAGE);
        model.put("surveillances", assignments);
        model.put("message", notice);
        model.put("erreur", error);
        model.put("agenda", calendarPath);
        web.render(res, status, "surveillances", model);
    }

    private void confirm(ServerRequest req, ServerResponse res) {
        answer(req, res, true);
    }

    private void decline(ServerRequest req, ServerResponse res) {
        answer(req, res, false);
    }

    private void answer(ServerRequest req, ServerResponse res, boolean confirm) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.INVIGILATOR);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Map<String, String> form = posted.get().form();
        Optional<String> id = WebContext.pathId(req);
        if (id.isEmpty()) {
            web.notFound(res, signed);
            return;
        }
        var body = Jsons.createObjectBuilder();
        WebContext.putIfPresent(body, "reason", form.get("raison"));
        LoopbackApi.Answer answer = web.api.post(req, signed.token(), "/me/assignments/" + id.get()
                + (confirm ? "/confirm" : "/decline"), body.build());
        if (answer.ok()) {
            WebContext.redirect(res, PAGE + "?fait=" + (confirm ? "confirmee" : "declinee"));
        } else if (answer.status() == 404) {
            web.notFound(res, signed);
        } else {
            String detail = answer.fieldErrors().containsKey("reason")
                    ? "Pour décliner, indiquez une raison (elle n'est lue que par le centre)." : answer.detail();
            render(req, res, signed, Status.create(answer.status() == 409 ? 409 : 422), "", detail, "");
        }
    }

    private void calendar(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.INVIGILATOR);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        LoopbackApi.Answer answer = web.api.put(req, signed.token(), "/me/calendar", Jsons.createObjectBuilder().build());
        if (!answer.ok()) {
            render(req, res, signed, Status.create(answer.status() == 404 ? 404 : 409), "", answer.detail(), "");
            return;
        }
        render(req, res, signed, Status.OK_200, "Voici l'adresse de votre agenda : ajoutez-la comme abonnement dans "
                + "votre application d'agenda. L'adresse précédente ne fonctionne plus.", "", String.valueOf(answer.body()
                .get("path")));
    }
}
