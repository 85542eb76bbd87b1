package fr.jalon.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
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

/**
 * HR's directory of their authority: the services (direction → service → unit) and the agents,
 * imported from the HR system's CSV — checked first, then applied from the report (the file comes
 * back with the form), optionally deactivating the agents who left. Through
 * {@code /api/v1/local-authorities/{id}}.
 */
final class AuthorityPages implements ApiRoutes.ApiService {

    static final String PAGE = "/console/agents";
    private static final long MAX_UPLOAD = 12L * 1024 * 1024;
    private static final int CARRIED_BACK = 1024 * 1024;
    private static final int PAGE_SIZE = 100;

    private final WebContext web;

    AuthorityPages(WebContext web) {
        this.web = web;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, PAGE, this::page)
                .root(Method.POST, PAGE + "/services", this::addService)
                .root(Method.POST, PAGE + "/import", this::importAgents);
    }

    /** The authority the page is about: HR's own; for an administrator, the one chosen (else the first). */
    static Optional<Map<String, Object>> authority(WebContext web, ServerRequest req, WebContext.Signed signed,
                                                  String chosen) {
        List<Map<String, Object>> all = web.api.get(req, signed.token(), "/local-authorities?limit=200").items();
        return all.stream().filter(a -> String.valueOf(a.get("id")).equals(chosen)).findFirst()
                .or(() -> all.stream().findFirst());
    }

    private void page(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.HR, Role.ADMIN);
        if (signed.isPresent()) {
            render(req, res, signed.get(), Status.OK_200, req.query().first("collectivite").orElse(""), Map.of());
        }
    }

    private void render(ServerRequest req, ServerResponse res, WebContext.Signed signed, Status status, String chosen,
                        Map<String, Object> outcome) {
        Optional<Map<String, Object>> authority = authority(web, req, signed, chosen);
        Map<String, Object> model = web.page("Agents et services", signed, PAGE);
        model.put("admin", signed.role() == Role.ADMIN);
        model.put("collectivites", signed.role() == Role.ADMIN
                ? web.api.get(req, signed.token(), "/local-authorities?limit=200").items() : List.of());
        model.put("collectivite", authority.orElse(Map.of()));
        model.put("services", List.of());
        model.put("agents", List.of());
        model.put("suite", "");
        if (authority.isPresent()) {
            String id = String.valueOf(authority.get().get("id"));
            model.put("services", web.api.get(req, signed.token(), "/local-authorities/" + id + "/services").items());
            String after = req.query().first("apres").asOptional().filter(a -> a.length() <= 30).orElse("");
            LoopbackApi.Answer agents = web.api.get(req, signed.token(), "/local-authorities/" + id + "/agents?limit="
                    + PAGE_SIZE + (after.isEmpty() ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
            model.put("agents", agents.items());
            Object next = agents.body().get("next");
            model.put("suite", next == null ? "" : URLEncoder.encode(next.toString(), StandardCharsets.UTF_8));
        }
        model.put("erreur", outcome.getOrDefault("erreur", ""));
        model.put("erreurService", outcome.getOrDefault("erreurService", ""));
        model.put("rapport", outcome.getOrDefault("rapport", List.of()));
        model.put("verifie", outcome.getOrDefault("verifie", Map.of()));
        model.put("contenu", outcome.getOrDefault("contenu", ""));
        model.put("departs", outcome.getOrDefault("departs", false));
        model.put("message", outcome.getOrDefault("message", switch (req.query().first("fait").orElse("")) {
            case "service" -> "Le service est ajouté.";
            default -> "";
        }));
        web.render(res, status, "agents", model);
    }

    private void addService(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.HR, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Map<String, String> form = posted.get().form();
        String authority = form.getOrDefault("collectivite", "");
        if (!WebContext.isUuid(authority)) {
            web.notFound(res, signed);
            return;
        }
        LoopbackApi.Answer added = web.api.post(req, signed.token(), "/local-authorities/" + authority + "/services",
                Jsons.createObjectBuilder().add("path", form.getOrDefault("chemin", "").strip()).build());
        if (added.status() == 404) {
            web.notFound(res, signed);
        } else if (!added.ok()) {
            render(req, res, signed, Status.create(added.status()), authority, Map.of("erreurService",
                    String.join(" ", added.fieldErrors().values()).isEmpty() ? added.detail()
                            : String.join(" ", added.fieldErrors().values())));
        } else {
            WebContext.redirect(res, PAGE + "?collectivite=" + authority + "&fait=service");
        }
    }

    private void importAgents(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Uploaded> uploaded = web.uploaded(req, res, MAX_UPLOAD, (signed, problem) -> render(req, res, signed, Status.create(problem.status()), "",
                Map.of("erreur", problem.detail())), Role.HR, Role.ADMIN);
        if (uploaded.isEmpty()) {
            return;
        }
        WebContext.Signed signed = uploaded.get().signed();
        Upload upload = uploaded.get().upload();
        String authority = upload.fields().getOrDefault("collectivite", "");
        if (!WebContext.isUuid(authority)) {
            web.notFound(res, signed);
            return;
        }
        byte[] file = uploaded.get().fileOrCarried();
        boolean leavers = "oui".equals(upload.fields().get("departs"));
        Map<String, Object> outcome = new HashMap<>();
        outcome.put("departs", leavers);
        if (file.length == 0) {
            outcome.put("erreur", "Choisissez le fichier CSV de l'annuaire des agents.");
            render(req, res, signed, Status.create(422), authority, outcome);
            return;
        }
        boolean apply = "appliquer".equals(upload.fields().get("etape"));
        LoopbackApi.Answer answer = web.api.postFile(req, signed.token(), "/local-authorities/" + authority
                + "/agents/import?dryRun=" + !apply + "&deactivateMissing=" + leavers, file, "text/csv");
        if (answer.status() == 404) {
            web.notFound(res, signed);
            return;
        }
        if (!answer.ok()) {
            outcome.put("erreur", "L'annuaire n'est pas importé, rien n'a changé : " + answer.detail());
            outcome.put("rapport", answer.errors());
            render(req, res, signed, Status.create(answer.status()), authority, outcome);
            return;
        }
        Map<String, Object> report = new HashMap<>(answer.body());
        report.put("applique", apply);
        outcome.put("verifie", report);
        if (apply) {
            outcome.put("message", "L'annuaire est importé.");
        } else if (file.length <= CARRIED_BACK) {
            outcome.put("contenu", Base64.getEncoder().encodeToString(file));
        }
        render(req, res, signed, Status.OK_200, authority, outcome);
    }
}
