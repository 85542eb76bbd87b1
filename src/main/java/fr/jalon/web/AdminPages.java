package fr.jalon.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Role;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObjectBuilder;

/**
 * Administrators manage the console's users: who they are, their role and scope (a centre, a
 * referring organisation, a local authority), a link by e-mail to choose their password, and
 * disabling an account (every session and token revoked, the account kept for the record).
 * Through {@code /api/v1/users}.
 */
final class AdminPages implements ApiRoutes.ApiService {

    static final String LIST = "/console/utilisateurs";
    private static final int PAGE_SIZE = 100;
    /** Roles in the order the form proposes them, with their French label and the kind of structure they need. */
    private static final List<Map<String, String>> ROLES = List.of(
            Map.of("code", "CENTER_STAFF", "libelle", "Personnel d'un centre", "structure", "centre"),
            Map.of("code", "INVIGILATOR", "libelle", "Surveillant ou surveillante d'un centre", "structure", "centre"),
            Map.of("code", "ADVISER", "libelle", "Conseiller ou conseillère d'une structure orienteuse", "structure",
                    "organisation"),
            Map.of("code", "HR", "libelle", "Ressources humaines d'une collectivité", "structure", "collectivite"),
            Map.of("code", "ADMIN", "libelle", "Administrateur de Jalon", "structure", ""));
    private static final Map<String, String> SCOPE_FIELDS = Map.of("centre", "centerId", "organisation", "organisationId",
            "collectivite", "authorityId");
    private static final Map<String, String> FIELD_NAMES = Map.of("email", "email", "displayName", "nom", "role", "role",
            "centerId", "structure", "organisationId", "structure", "authorityId", "structure");

    private final WebContext web;

    AdminPages(WebContext web) {
        this.web = web;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, LIST, this::list)
                .root(Method.GET, LIST + "/nouveau", this::form)
                .root(Method.POST, LIST, this::create)
                .root(Method.POST, LIST + "/{id}/lien", this::sendLink)
                .root(Method.POST, LIST + "/{id}/desactiver", this::disable);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.ADMIN);
        if (signed.isEmpty()) {
            return;
        }
        String cursor = req.query().first("suite").asOptional().filter(c -> c.matches("[A-Za-z0-9_=-]{1,400}")).orElse("");
        LoopbackApi.Answer page = web.api.get(req, signed.get().token(), "/users?limit=" + PAGE_SIZE
                + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
        Map<String, String> structures = structures(req, signed.get());
        List<Map<String, Object>> users = new ArrayList<>();
        for (Map<String, Object> u : page.items()) {
            Map<String, Object> row = new LinkedHashMap<>(u);
            row.put("roleLibelle", ROLES.stream().filter(r -> r.get("code").equals(u.get("role"))).findFirst()
                    .map(r -> r.get("libelle")).orElse(String.valueOf(u.get("role"))));
            Object scope = Optional.ofNullable(u.get("centerId")).or(() -> Optional.ofNullable(u.get("organisationId")))
                    .or(() -> Optional.ofNullable(u.get("authorityId"))).orElse(null);
            row.put("structure", scope == null ? "—" : structures.getOrDefault(scope.toString(), "structure inconnue"));
            row.put("actif", Boolean.TRUE.equals(u.get("active")));
            row.put("soi", signed.get().session().principal().userId().toString().equals(u.get("id")));
            users.add(row);
        }
        Map<String, Object> model = web.page("Utilisateurs", signed.get(), LIST);
        model.put("utilisateurs", users);
        model.put("suite", page.body().get("nextCursor") == null ? ""
                : URLEncoder.encode(page.body().get("nextCursor").toString(), StandardCharsets.UTF_8));
        model.put("message", message(req));
        web.render(res, Status.OK_200, "utilisateurs", model);
    }

    private static String message(ServerRequest req) {
        return switch (req.query().first("fait").orElse("")) {
            case "cree" -> "Le compte est créé.";
            case "cree-lien" -> "Le compte est créé ; un e-mail lui a été envoyé pour choisir son mot de passe (lien "
                    + "valable 30 minutes).";
            case "lien" -> "Un e-mail a été envoyé avec un lien pour choisir le mot de passe (valable 30 minutes).";
            case "desactive" -> "Le compte est désactivé : ses sessions et ses jetons ne valent plus.";
            default -> "";
        };
    }

    private void form(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.ADMIN);
        if (signed.isPresent()) {
            Map<String, String> defaults = new HashMap<>(Map.of("role", "CENTER_STAFF", "lien", "oui"));
            renderForm(req, res, signed.get(), Status.OK_200, defaults, Map.of(), "");
        }
    }

    private void create(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Map<String, String> form = posted.get().form();
        JsonObjectBuilder body = Jsons.createObjectBuilder();
        WebContext.putIfPresent(body, "email", form.get("email"));
        WebContext.putIfPresent(body, "displayName", form.get("nom"));
        WebContext.putIfPresent(body, "role", form.get("role"));
        String structure = ROLES.stream().filter(r -> r.get("code").equals(form.get("role"))).findFirst()
                .map(r -> r.get("structure")).orElse("");
        if (!structure.isEmpty()) {
            WebContext.putIfPresent(body, SCOPE_FIELDS.get(structure), form.get("structure-" + structure));
        }
        LoopbackApi.Answer created = web.api.post(req, signed.token(), "/users", body.build());
        if (!created.ok()) {
            Map<String, String> errors = WebContext.fieldErrors(created.fieldErrors(), FIELD_NAMES);
            if (!structure.isEmpty() && form.getOrDefault("structure-" + structure, "").isBlank()) {
                errors.putIfAbsent("structure", "Choisissez la structure de rattachement de ce rôle.");
            }
            renderForm(req, res, signed, Status.create(created.status() == 409 ? 409 : 422), form, errors,
                    created.detail());
            return;
        }
        if ("oui".equals(form.get("lien"))) {
            LoopbackApi.Answer link = web.api.post(req, signed.token(), "/users/" + created.body().get("id")
                    + "/password-link", Jsons.createObjectBuilder().build());
            WebContext.redirect(res, LIST + "?fait=" + (link.ok() ? "cree-lien" : "cree"));
            return;
        }
        WebContext.redirect(res, LIST + "?fait=cree");
    }

    private void sendLink(ServerRequest req, ServerResponse res) {
        act(req, res, "/password-link", "lien");
    }

    private void disable(ServerRequest req, ServerResponse res) {
        act(req, res, "/disable", "desactive");
    }

    /** A button of the list: the API call on that user, then back to the list saying what was done or why not. */
    private void act(ServerRequest req, ServerResponse res, String apiAction, String done) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Optional<String> id = WebContext.pathId(req);
        LoopbackApi.Answer answer = id.map(i -> web.api.post(req, signed.token(), "/users/" + i + apiAction,
                Jsons.createObjectBuilder().build())).orElse(new LoopbackApi.Answer(404, Map.of()));
        if (answer.status() == 404) {
            web.notFound(res, signed);
            return;
        }
        if (!answer.ok()) {
            Map<String, Object> model = web.page("Utilisateurs", signed, LIST);
            model.put("detail", answer.detail());
            web.render(res, Status.create(answer.status()), "utilisateur-refus", model);
            return;
        }
        WebContext.redirect(res, LIST + "?fait=" + done);
    }

    private void renderForm(ServerRequest req, ServerResponse res, WebContext.Signed signed, Status status,
                            Map<String, String> form, Map<String, String> errors, String error) {
        Map<String, Object> model = web.page("Nouvel utilisateur", signed, LIST);
        model.put("valeurs", WebContext.values(form, List.of("email", "nom", "role", "structure-centre",
                "structure-organisation", "structure-collectivite", "lien")));
        model.put("erreurs", errors);
        model.put("erreur", error);
        model.put("roles", ROLES);
        model.put("centres", options(web.api.get(req, signed.token(), "/centers").items()));
        model.put("organisations", options(web.api.get(req, signed.token(), "/referring-organisations?limit=200").items()));
        model.put("collectivites", options(web.api.get(req, signed.token(), "/local-authorities?limit=200").items()));
        web.render(res, status, "utilisateur-nouveau", model);
    }

    private static List<Map<String, String>> options(List<Map<String, Object>> items) {
        return items.stream().map(i -> Map.of("id", String.valueOf(i.get("id")), "nom", String.valueOf(i.get("name"))))
                .sorted((a, b) -> a.get("nom").compareToIgnoreCase(b.get("nom"))).toList();
    }

    /** The names of every centre, referring organisation and local authority, by id. */
    private Map<String, String> structures(ServerRequest req, WebContext.Signed signed) {
        Map<String, String> names = new HashMap<>();
        for (String path : List.of("/centers", "/referring-organisations?limit=200", "/local-authorities?limit=200")) {
            web.api.get(req, signed.token(), path).items().forEach(i -> names.put(String.valueOf(i.get("id")),
                    String.valueOf(i.get("name"))));
        }
        return names;
    }
}
