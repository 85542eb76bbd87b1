package fr.jalon.web;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.Upload;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Role;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObjectBuilder;

/**
 * Planning for staff: scheduling a session in a room, and the Pix Certif mass-import file —
 * always checked first (the API's dry run: what would be created, or every faulty line), then
 * applied from the report page without choosing the file again (files up to 1 MB travel back
 * with the form; a larger one is chosen again).
 */
final class PlanningPages implements ApiRoutes.ApiService {

    static final String NEW = "/console/sessions/nouvelle";
    static final String IMPORT = "/console/sessions/import";
    /** The mass import's own limit (10 MiB) and room for the form around it, base64 included. */
    private static final long MAX_UPLOAD = 15L * 1024 * 1024;
    private static final int CARRIED_BACK = 1024 * 1024;
    private static final List<String> FIELDS = List.of("salle", "date", "heure", "duree", "capacite", "type",
            "description");
    private static final Map<String, String> FIELD_NAMES = Map.of("roomId", "salle", "date", "date", "startTime", "heure",
            "durationMinutes", "duree", "capacity", "capacite", "certificationType", "type", "description", "description");

    private final WebContext web;

    PlanningPages(WebContext web) {
        this.web = web;
    }

    @Override
    public void routes(ApiRoutes routes) {
        // Before StaffPages' /console/sessions/{id}: these two are not sessions.
        routes.root(Method.GET, NEW, this::form)
                .root(Method.POST, "/console/sessions", this::schedule)
                .root(Method.GET, IMPORT, this::importForm)
                .root(Method.POST, IMPORT, this::importFile);
    }

    private void form(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (signed.isPresent()) {
            Map<String, String> defaults = new HashMap<>(Map.of("duree", "105", "type", "PIX"));
            req.query().first("date").asOptional().filter(d -> d.matches("\\d{4}-\\d{2}-\\d{2}"))
                    .ifPresent(d -> defaults.put("date", d));
            renderForm(req, res, signed.get(), Status.OK_200, defaults, Map.of(), "");
        }
    }

    private void renderForm(ServerRequest req, ServerResponse res, WebContext.Signed signed, Status status,
                            Map<String, String> form, Map<String, String> errors, String error) {
        List<Map<String, Object>> sites = new ArrayList<>();
        for (Map<String, Object> center : web.api.get(req, signed.token(), "/centers").items()) {
            for (Map<String, Object> site : web.api.get(req, signed.token(), "/centers/" + center.get("id") + "/sites")
                    .items()) {
                List<Map<String, Object>> rooms = web.api.get(req, signed.token(), "/sites/" + site.get("id") + "/rooms")
                        .items();
                if (!rooms.isEmpty()) {
                    sites.add(Map.of("nom", String.valueOf(site.get("name")), "salles", rooms));
                }
            }
        }
        Map<String, Object> model = web.page("Programmer une session", signed, "/console/sessions");
        model.put("sites", sites);
        model.put("valeurs", WebContext.values(form, FIELDS));
        model.put("erreurs", errors);
        model.put("erreur", error);
        web.render(res, status, "session-nouvelle", model);
    }

    private void schedule(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Map<String, String> form = posted.get().form();
        JsonObjectBuilder body = Jsons.createObjectBuilder();
        WebContext.putIfPresent(body, "roomId", form.get("salle"));
        WebContext.putIfPresent(body, "date", form.get("date"));
        WebContext.putIfPresent(body, "startTime", form.get("heure"));
        WebContext.putIfPresent(body, "certificationType", form.get("type"));
        WebContext.putIfPresent(body, "description", form.get("description"));
        Map<String, String> errors = new LinkedHashMap<>();
        number(form, "duree", body, "durationMinutes", errors);
        number(form, "capacite", body, "capacity", errors);
        if (!errors.isEmpty()) {
            renderForm(req, res, signed, Status.create(422), form, errors, "La session n'est pas programmée : "
                    + "voir les champs signalés.");
            return;
        }
        LoopbackApi.Answer created = web.api.post(req, signed.token(), "/sessions", body.build());
        if (created.ok()) {
            WebContext.redirect(res, "/console/sessions/" + created.body().get("id") + "?programmee");
            return;
        }
        errors.putAll(WebContext.fieldErrors(created.fieldErrors(), FIELD_NAMES));
        renderForm(req, res, signed, Status.create(created.status() == 409 ? 409 : 422), form, errors,
                "La session n'est pas programmée : " + created.detail());
    }

    private static void number(Map<String, String> form, String field, JsonObjectBuilder body, String apiField,
                               Map<String, String> errors) {
        String text = form.getOrDefault(field, "").strip();
        if (text.isEmpty()) {
            return;
        }
        if (!text.matches("\\d{1,4}")) {
            errors.put(field, "Indiquez un nombre entier, par exemple 105.");
            return;
        }
        body.add(apiField, Integer.parseInt(text));
    }

    private void importForm(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (signed.isPresent()) {
            renderImport(req, res, signed.get(), Status.OK_200, Map.of());
        }
    }

    private void renderImport(ServerRequest req, ServerResponse res, WebContext.Signed signed, Status status,
                              Map<String, Object> outcome) {
        Map<String, Object> model = web.page("Importer un fichier Pix Certif", signed, "/console/sessions");
        model.put("admin", signed.role() == Role.ADMIN);
        model.put("centres", signed.role() == Role.ADMIN ? web.api.get(req, signed.token(), "/centers").items() : List.of());
        model.put("centre", outcome.getOrDefault("centre", ""));
        model.put("erreur", outcome.getOrDefault("erreur", ""));
        model.put("rapport", outcome.getOrDefault("rapport", List.of()));
        model.put("verifie", outcome.getOrDefault("verifie", Map.of()));
        model.put("contenu", outcome.getOrDefault("contenu", ""));
        model.put("message", outcome.getOrDefault("message", ""));
        web.render(res, status, "sessions-import", model);
    }

    private void importFile(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Uploaded> uploaded = web.uploaded(req, res, MAX_UPLOAD, (signed, problem) -> renderImport(req, res, signed,
                Status.create(problem.status()), Map.of("erreur", problem.detail())), Role.CENTER_STAFF, Role.ADMIN);
        if (uploaded.isEmpty()) {
            return;
        }
        WebContext.Signed signed = uploaded.get().signed();
        Upload upload = uploaded.get().upload();
        String center = upload.fields().getOrDefault("centre", "");
        byte[] file = uploaded.get().fileOrCarried();
        if (file.length == 0) {
            renderImport(req, res, signed, Status.create(422), Map.of("centre", center, "erreur",
                    "Choisissez le fichier CSV exporté de Pix Certif (ou son modèle d'import rempli)."));
            return;
        }
        boolean apply = "appliquer".equals(upload.fields().get("etape"));
        String path = "/sessions/import?dryRun=" + !apply + (WebContext.isUuid(center) ? "&center=" + center : "");
        LoopbackApi.Answer answer = web.api.postFile(req, signed.token(), path, file, "text/csv");
        Map<String, Object> outcome = new HashMap<>();
        outcome.put("centre", center);
        if (!answer.ok()) {
            outcome.put("erreur", "Le fichier n'est pas importé, rien n'a changé : " + answer.detail());
            outcome.put("rapport", answer.errors());
            renderImport(req, res, signed, Status.create(answer.status()), outcome);
            return;
        }
        outcome.put("verifie", summary(answer.body()));
        if (apply) {
            outcome.put("message", "Le fichier est importé.");
        } else if (file.length <= CARRIED_BACK) {
            outcome.put("contenu", Base64.getEncoder().encodeToString(file));
        }
        renderImport(req, res, signed, Status.OK_200, outcome);
    }

    /** The import report in French: lines read, sessions and people created or found, enrolments. */
    private static Map<String, Object> summary(Map<String, Object> report) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("applique", Boolean.TRUE.equals(report.get("applied")));
        shown.put("lignes", report.get("lines"));
        shown.put("sessions", report.getOrDefault("sessions", Map.of()));
        shown.put("personnes", report.getOrDefault("people", Map.of()));
        shown.put("inscriptions", report.getOrDefault("enrolments", Map.of()));
        return shown;
    }
}
