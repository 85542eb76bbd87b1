package fr.jalon.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.http.Upload;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.security.TokenSecrets;
import fr.jalon.platform.templates.TemplateRenderer;
import fr.jalon.users.ConsoleSession;
import fr.jalon.users.Users;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObjectBuilder;

/**
 * What every console page shares: the signed-in browser, the menu of its role, CSRF checks,
 * rendering and redirects, cookies, and the API over loopback.
 */
final class WebContext {

    static final String LOGIN = "/connexion";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Where a page runs the API calls it makes at once: a virtual thread each. */
    static final Executor CALLS = Executors.newVirtualThreadPerTaskExecutor();
    static final String SESSION_COOKIE = "jalon_session";
    static final String LOGIN_CSRF_COOKIE = "jalon_connexion";

    final Users users;
    final LoopbackApi api = new LoopbackApi();
    final Clock clock;
    private final TemplateRenderer templates;
    private final boolean development;
    private final List<Map<String, String>> demoAccounts;

    /** A signed-in browser: the session, and its token to call the API with. */
    record Signed(ConsoleSession session, String token) {

        Role role() {
            return session.principal().role();
        }
    }

    /** An entry of the main menu: the roles that see it; its description is the home page's tile. */
    private record MenuEntry(String label, String href, List<Role> roles, String description) {
    }

    private static final List<MenuEntry> MENU = List.of(
            new MenuEntry("Accueil", "/console", List.of(Role.values()), ""),
            new MenuEntry("Sessions", "/console/sessions", List.of(Role.CENTER_STAFF, Role.ADMIN),
                    "Le calendrier des sessions par site, leur remplissage, les candidats de chaque session et leur "
                            + "inscription."),
            new MenuEntry("Surveillants", "/console/surveillants", List.of(Role.CENTER_STAFF, Role.ADMIN),
                    "Le vivier du centre et la planification automatique des surveillances, à publier."),
            new MenuEntry("Notifications", "/console/notifications", List.of(Role.CENTER_STAFF, Role.ADMIN),
                    "Les messages en échec à renvoyer, ceux à remettre en main propre, et les courriers du jour à "
                            + "imprimer."),
            new MenuEntry("Orientations", "/console/orientations", List.of(Role.ADVISER, Role.CENTER_STAFF),
                    "Orienter une personne vers la certification et suivre la suite donnée à chaque orientation."),
            new MenuEntry("Campagnes", "/console/campagnes", List.of(Role.HR, Role.ADMIN),
                    "Les campagnes Pix de vos agents : invitations, participation, résultats collectifs par service, "
                            + "envoi en certification."),
            new MenuEntry("Agents et services", "/console/agents", List.of(Role.HR, Role.ADMIN),
                    "L'annuaire des agents (import depuis le fichier RH) et l'arbre des services."),
            new MenuEntry("Mes surveillances", "/console/surveillances", List.of(Role.INVIGILATOR),
                    "Les sessions où vous êtes attendu(e) : confirmer ou décliner."),
            new MenuEntry("Indice de fragilité", "/console/fragilite", List.of(Role.ADMIN, Role.CENTER_STAFF),
                    "Évaluer l'indice de fragilité numérique du territoire, avec ou sans les compétences mesurées, et "
                            + "comparer deux évaluations."),
            new MenuEntry("Utilisateurs", "/console/utilisateurs", List.of(Role.ADMIN),
                    "Ouvrir les comptes de la console, envoyer le lien du mot de passe, désactiver un compte."));

    WebContext(Users users, TemplateRenderer templates, boolean development, List<Map<String, String>> demoAccounts,
               Clock clock) {
        this.users = users;
        this.templates = templates;
        this.development = development;
        this.demoAccounts = demoAccounts;
        this.clock = clock;
    }

    /** Today in Paris, by the application's clock. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    Optional<Signed> signedIn(ServerRequest req) {
        return WebForms.cookie(req, SESSION_COOKIE).flatMap(secret -> users.consoleSession(secret)
                .map(session -> new Signed(session, secret)));
    }

    /**
     * The signed-in browser of one of these roles. Otherwise a page is redirected to the sign-in
     * page, a form sent without a session (expired, or never signed in) answers 401 with the
     * sign-in page, nothing done; another role gets the « page introuvable » page (404).
     */
    Optional<Signed> require(ServerRequest req, ServerResponse res, Role... roles) {
        Optional<Signed> signed = signedIn(req);
        if (signed.isEmpty()) {
            if (req.prologue().method() == Method.GET) {
                res.header(HeaderNames.SET_COOKIE, expired(SESSION_COOKIE));
                redirect(res, LOGIN);
            } else {
                renderLogin(res, Status.UNAUTHORIZED_401, "", "Vous n'êtes pas connecté(e), ou votre session a expiré : "
                        + "rien n'a été enregistré. Connectez-vous puis recommencez.");
            }
            return signed;
        }
        if (roles.length > 0 && !List.of(roles).contains(signed.get().role())) {
            notFound(res, signed.get());
            return Optional.empty();
        }
        return signed;
    }

    void renderLogin(ServerResponse res, Status status, String email, String error) {
        renderLogin(res, status, email, error, "");
    }

    /** The sign-in page; {@code info}, when not empty, is a confirmation shown above the form. */
    void renderLogin(ServerResponse res, Status status, String email, String error, String info) {
        String csrf = TokenSecrets.newSecret();
        res.header(HeaderNames.SET_COOKIE, cookie(LOGIN_CSRF_COOKIE, csrf, Duration.ofHours(1)));
        Map<String, Object> model = page("Se connecter", null, null);
        model.put("csrf", csrf);
        model.put("email", email);
        model.put("erreur", error == null ? "" : error);
        model.put("info", info);
        model.put("comptesDemo", development ? demoAccounts : List.of());
        render(res, status, "connexion", model);
    }

    /** A form posted by a signed-in browser of an allowed role, its CSRF token checked: the session and its fields. */
    record Posted(Signed signed, Map<String, String> form, List<Map.Entry<String, String>> fields) {
    }

    /**
     * The form of a signed-in browser of one of these roles whose CSRF token matches; empty when
     * the answer is already sent (the sign-in page, the 404 page of another role, the refusal page).
     */
    Optional<Posted> posted(ServerRequest req, ServerResponse res, Role... roles) {
        Optional<Signed> signed = require(req, res, roles);
        if (signed.isEmpty()) {
            return Optional.empty();
        }
        List<Map.Entry<String, String>> fields = WebForms.fields(req);
        Map<String, String> form = WebForms.form(fields);
        return checkCsrf(signed.get(), form, res) ? Optional.of(new Posted(signed.get(), form, fields)) : Optional.empty();
    }

    /** A multipart form posted by a signed-in browser of an allowed role, its CSRF token checked. */
    record Uploaded(Signed signed, Upload upload) {

        /**
         * The file chosen, or the one a check's report carried back to its confirmation form
         * (field {@code contenu}, base64); empty when there is neither.
         */
        byte[] fileOrCarried() {
            if (upload.file().length > 0) {
                return upload.file();
            }
            try {
                return Base64.getDecoder().decode(upload.fields().getOrDefault("contenu", ""));
            } catch (IllegalArgumentException e) {
                return new byte[0];
            }
        }
    }

    /**
     * The multipart form (at most {@code limit} bytes) of a signed-in browser of one of these roles
     * whose CSRF token matches; empty when the answer is already sent — {@code refused} shows a
     * malformed or oversized body on the page the form came from.
     */
    Optional<Uploaded> uploaded(ServerRequest req, ServerResponse res, long limit, BiConsumer<Signed, ApiProblem> refused,
                                Role... roles) {
        Optional<Signed> signed = require(req, res, roles);
        if (signed.isEmpty()) {
            return Optional.empty();
        }
        Upload upload;
        try {
            upload = RequestBodies.upload(req, limit);
        } catch (ApiProblem problem) {
            refused.accept(signed.get(), problem);
            return Optional.empty();
        }
        return checkCsrf(signed.get(), upload.fields(), res) ? Optional.of(new Uploaded(signed.get(), upload))
                : Optional.empty();
    }

    /** Whether the form carries the session's CSRF token; if not, the refusal page is sent. */
    boolean checkCsrf(Signed signed, Map<String, String> form, ServerResponse res) {
        if (WebForms.sameToken(form.get("csrf"), signed.session().csrfToken())) {
            return true;
        }
        render(res, Status.FORBIDDEN_403, "refus", page("Formulaire refusé", signed, null));
        return false;
    }

    void notFound(ServerResponse res, Signed signed) {
        render(res, Status.NOT_FOUND_404, "introuvable", page("Page introuvable", signed, null));
    }

    /** The model every page starts from: title, user, CSRF token, the menu of the role. */
    Map<String, Object> page(String title, Signed signed, String current) {
        Map<String, Object> model = new HashMap<>();
        model.put("titre", title);
        model.put("connecte", signed != null);
        model.put("utilisateur", signed == null ? "" : signed.session().displayName());
        model.put("csrf", signed == null ? "" : signed.session().csrfToken());
        List<Map<String, Object>> menu = new ArrayList<>();
        if (signed != null) {
            MENU.stream().filter(m -> m.roles().contains(signed.role())).forEach(m -> menu.add(Map.of("libelle", m.label(),
                    "href", m.href(), "courant", m.href().equals(current), "description", m.description())));
        }
        model.put("menu", menu);
        return model;
    }

    void render(ServerResponse res, Status status, String page, Map<String, Object> model) {
        res.status(status).header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8")
                .send(templates.render("pages/console/" + page + ".html.vm", model));
    }

    static void redirect(ServerResponse res, String location) {
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, location).send();
    }

    String cookie(String name, String value, Duration maxAge) {
        return name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax" + (development ? "" : "; Secure")
                + (maxAge == null ? "" : "; Max-Age=" + maxAge.getSeconds());
    }

    String expired(String name) {
        return name + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" + (development ? "" : "; Secure");
    }

    /** The path parameter {@code id} when it is a UUID. */
    static Optional<String> pathId(ServerRequest req) {
        return req.path().pathParameters().first("id").asOptional().filter(WebContext::isUuid);
    }

    static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void putIfPresent(JsonObjectBuilder builder, String name, String value) {
        if (value != null && !value.isBlank()) {
            builder.add(name, value.strip());
        }
    }

    /** A form's values for the fields named, empty where absent (templates read every one). */
    static Map<String, String> values(Map<String, String> form, List<String> fields) {
        Map<String, String> all = new HashMap<>();
        fields.forEach(f -> all.put(f, form.getOrDefault(f, "")));
        return all;
    }

    /** API field errors under the form's field names ({@code formulaire} for a field the form lacks). */
    static Map<String, String> fieldErrors(Map<String, String> apiErrors, Map<String, String> names) {
        Map<String, String> errors = new HashMap<>();
        apiErrors.forEach((field, message) -> errors.putIfAbsent(names.getOrDefault(field, "formulaire"), message));
        return errors;
    }
}
