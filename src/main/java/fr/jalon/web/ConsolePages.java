package fr.jalon.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.security.TokenSecrets;
import fr.jalon.platform.templates.TemplateRenderer;
import fr.jalon.users.ConsoleSession;
import fr.jalon.users.SignIn;
import fr.jalon.users.Users;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObjectBuilder;

/**
 * The web console: sign-in, the home of each role, the staff's calendar and session page. Pages
 * are rendered on the server from Velocity templates ({@code templates/pages/console/}), work
 * without JavaScript, and read and write through the API as the signed-in user
 * ({@link LoopbackApi}). Every form carries the session's CSRF token; the sign-in form a
 * double-submit cookie.
 */
final class ConsolePages implements ApiRoutes.ApiService {

    static final String LOGIN = "/connexion";
    static final String ASSETS = "/console/assets/";
    static final String SESSION_COOKIE = "jalon_session";
    static final String LOGIN_CSRF_COOKIE = "jalon_connexion";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);
    private static final Map<String, String> SESSION_STATUS = Map.of("SCHEDULED", "programmée", "FINALIZED", "finalisée",
            "RESULTS_IMPORTED", "résultats importés", "CLOSED", "close", "CANCELLED", "annulée");
    private static final Map<String, String> ENROLMENT_STATUS = Map.of("WAITLISTED", "en liste d'attente", "ENROLLED",
            "inscrit(e)", "CONVOKED", "convoqué(e)", "PRESENT", "présent(e)", "ABSENT", "absent(e)", "EXCUSED", "excusé(e)",
            "CANCELLED", "inscription annulée");
    private static final Map<String, String> ASSET_TYPES = Map.of("jalon.css", "text/css; charset=UTF-8",
            "jalon.js", "text/javascript; charset=UTF-8");

    private final Users users;
    private final TemplateRenderer templates;
    private final LoopbackApi api = new LoopbackApi();
    private final boolean development;
    private final List<DemoAccount> demoAccounts;
    private final Clock clock;
    private final Map<String, byte[]> assets = new HashMap<>();

    /** An account shown on the sign-in page in development (the demo data's). */
    record DemoAccount(String email, String role, String password) {
    }

    ConsolePages(Users users, TemplateRenderer templates, boolean development, List<DemoAccount> demoAccounts, Clock clock) {
        this.users = users;
        this.templates = templates;
        this.development = development;
        this.demoAccounts = demoAccounts;
        this.clock = clock;
        ASSET_TYPES.keySet().forEach(name -> assets.put(name, resource("/console/" + name)));
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, "/", this::root)
                .root(Method.GET, LOGIN, this::loginPage)
                .root(Method.POST, LOGIN, this::login)
                .root(Method.POST, "/deconnexion", this::logout)
                .root(Method.POST, "/deconnexion-partout", this::logoutEverywhere)
                .root(Method.GET, "/console", this::home)
                .root(Method.GET, "/console/sessions", this::calendar)
                .root(Method.GET, "/console/sessions/{id}", this::session)
                .root(Method.POST, "/console/sessions/{id}/candidats", this::enrol)
                .root(Method.GET, ASSETS + "{name}", this::asset);
    }

    // --- Signing in and out ----------------------------------------------------------------

    private void root(ServerRequest req, ServerResponse res) {
        redirect(res, signedIn(req).isPresent() ? "/console" : LOGIN);
    }

    private void loginPage(ServerRequest req, ServerResponse res) {
        if (signedIn(req).isPresent()) {
            redirect(res, "/console");
            return;
        }
        renderLogin(res, Status.OK_200, "", null);
    }

    private void renderLogin(ServerResponse res, Status status, String email, String error) {
        String csrf = TokenSecrets.newSecret();
        res.header(HeaderNames.SET_COOKIE, cookie(LOGIN_CSRF_COOKIE, csrf, Duration.ofHours(1)));
        Map<String, Object> model = page("Se connecter", null, null);
        model.put("csrf", csrf);
        model.put("email", email);
        model.put("erreur", error == null ? "" : error);
        model.put("comptesDemo", development ? demoAccounts.stream().map(a -> Map.of("email", a.email(), "role", a.role(),
                "password", a.password())).toList() : List.of());
        render(res, status, "connexion", model);
    }

    private void login(ServerRequest req, ServerResponse res) {
        Map<String, String> form = WebForms.form(req);
        String email = form.getOrDefault("email", "").strip();
        if (!WebForms.sameToken(form.get("csrf"), WebForms.cookie(req, LOGIN_CSRF_COOKIE).orElse(null))) {
            renderLogin(res, Status.FORBIDDEN_403, email,
                    "Le formulaire a expiré ou ne vient pas de Jalon : saisissez à nouveau vos identifiants.");
            return;
        }
        SignIn result = users.signIn(email, form.getOrDefault("password", ""));
        switch (result.outcome()) {
            case SIGNED_IN -> {
                res.header(HeaderNames.SET_COOKIE, cookie(SESSION_COOKIE, result.secret(), null),
                        expired(LOGIN_CSRF_COOKIE));
                redirect(res, "/console");
            }
            case LOCKED -> {
                long minutes = Math.max(1, (Duration.between(clock.instant(), result.lockedUntil()).getSeconds() + 59) / 60);
                res.header(HeaderNames.RETRY_AFTER, String.valueOf(minutes * 60));
                renderLogin(res, Status.TOO_MANY_REQUESTS_429, email, "Trop d'essais infructueux : ce compte est bloqué "
                        + "pendant " + minutes + " minute" + (minutes > 1 ? "s" : "") + ". Réessayez ensuite.");
            }
            case REFUSED -> renderLogin(res, Status.UNAUTHORIZED_401, email,
                    "Adresse e-mail ou mot de passe incorrect.");
        }
    }

    private void logout(ServerRequest req, ServerResponse res) {
        Optional<Signed> signed = requireSignedIn(req, res);
        if (signed.isEmpty() || !checkCsrf(signed.get(), WebForms.form(req), res)) {
            return;
        }
        users.signOut(signed.get().session().principal());
        res.header(HeaderNames.SET_COOKIE, expired(SESSION_COOKIE));
        redirect(res, LOGIN);
    }

    private void logoutEverywhere(ServerRequest req, ServerResponse res) {
        Optional<Signed> signed = requireSignedIn(req, res);
        if (signed.isEmpty() || !checkCsrf(signed.get(), WebForms.form(req), res)) {
            return;
        }
        users.signOutEverywhere(signed.get().session().principal());
        res.header(HeaderNames.SET_COOKIE, expired(SESSION_COOKIE));
        redirect(res, LOGIN);
    }

    // --- Pages -------------------------------------------------------------------------------

    private void home(ServerRequest req, ServerResponse res) {
        Optional<Signed> signed = requireSignedIn(req, res);
        if (signed.isEmpty()) {
            return;
        }
        Map<String, Object> model = page("Accueil", signed.get(), "/console");
        model.put("roleLibelle", roleLabel(signed.get().session().principal().role()));
        model.put("personnel", isStaff(signed.get()));
        render(res, Status.OK_200, "accueil", model);
    }

    private void calendar(ServerRequest req, ServerResponse res) {
        Optional<Signed> signed = requireStaff(req, res);
        if (signed.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        YearMonth month = req.query().first("mois").asOptional().flatMap(ConsolePages::yearMonth)
                .orElse(YearMonth.from(today));
        Optional<String> site = req.query().first("site").asOptional().filter(ConsolePages::isUuid);
        String token = signed.get().token();
        List<Map<String, Object>> sites = new ArrayList<>();
        for (Map<String, Object> center : api.get(req, token, "/centers").items()) {
            for (Map<String, Object> s : api.get(req, token, "/centers/" + center.get("id") + "/sites").items()) {
                Map<String, Object> option = new LinkedHashMap<>(s);
                option.put("choisi", site.map(id -> id.equals(s.get("id"))).orElse(false));
                sites.add(option);
            }
        }
        LocalDate from = month.atDay(1).minusDays(6);
        LocalDate to = month.atEndOfMonth().plusDays(6);
        String query = "/sessions?limit=200&from=" + from + "&to=" + to + site.map(id -> "&site=" + id).orElse("");
        List<Map<String, Object>> sessions = new ArrayList<>();
        LoopbackApi.Answer page = api.get(req, token, query);
        sessions.addAll(page.items());
        while (page.body().get("nextCursor") instanceof String cursor && !cursor.isEmpty() && sessions.size() < 2_000) {
            page = api.get(req, token, query + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            sessions.addAll(page.items());
        }
        sessions.forEach(ConsolePages::describeFill);
        Map<String, Object> model = page("Sessions de " + MonthCalendar.title(month), signed.get(), "/console/sessions");
        model.put("mois", MonthCalendar.title(month));
        model.put("semaines", MonthCalendar.weeks(month, sessions, today));
        model.put("precedent", "/console/sessions?mois=" + month.minusMonths(1) + site.map(id -> "&site=" + id).orElse(""));
        model.put("suivant", "/console/sessions?mois=" + month.plusMonths(1) + site.map(id -> "&site=" + id).orElse(""));
        model.put("moisCode", month.toString());
        model.put("sites", sites);
        model.put("plusieursSites", site.isEmpty() && sites.size() > 1);
        model.put("nombre", sessions.stream().filter(s -> YearMonth.from(LocalDate.parse(String.valueOf(s.get("date"))))
                .equals(month)).count());
        render(res, Status.OK_200, "sessions", model);
    }

    private void session(ServerRequest req, ServerResponse res) {
        Optional<Signed> signed = requireStaff(req, res);
        if (signed.isPresent()) {
            renderSession(req, res, signed.get(), Status.OK_200, Map.of(), Map.of(), "",
                    req.query().first("inscrit").asOptional().isPresent() ? "Le candidat est inscrit." : "");
        }
    }

    private void renderSession(ServerRequest req, ServerResponse res, Signed signed, Status status, Map<String, String> values,
                               Map<String, String> errors, String error, String notice) {
        String id = req.path().pathParameters().first("id").orElse("");
        LoopbackApi.Answer session = isUuid(id) ? api.get(req, signed.token(), "/sessions/" + id)
                : new LoopbackApi.Answer(404, Map.of());
        if (!session.ok()) {
            notFound(res, signed);
            return;
        }
        Map<String, Object> s = new LinkedHashMap<>(session.body());
        describeFill(s);
        s.put("dateLongue", LocalDate.parse(String.valueOf(s.get("date"))).format(LONG_DATE));
        s.put("statut", SESSION_STATUS.getOrDefault(String.valueOf(s.get("status")), String.valueOf(s.get("status"))));
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (Map<String, Object> c : api.get(req, signed.token(), "/sessions/" + id + "/enrolments").items()) {
            Map<String, Object> candidate = new LinkedHashMap<>(c);
            candidate.put("statut", ENROLMENT_STATUS.getOrDefault(String.valueOf(c.get("status")),
                    String.valueOf(c.get("status"))));
            candidates.add(candidate);
        }
        Map<String, Object> model = page("Session du " + s.get("dateLongue") + " à " + s.get("startTime"), signed,
                "/console/sessions");
        model.put("session", s);
        model.put("candidats", candidates);
        model.put("inscrits", candidates.stream().filter(c -> !"WAITLISTED".equals(c.get("status"))
                && !"CANCELLED".equals(c.get("status"))).count());
        model.put("valeurs", withDefaults(values));
        model.put("erreurs", errors);
        model.put("erreur", error);
        model.put("message", notice);
        render(res, status, "session", model);
    }

    private void enrol(ServerRequest req, ServerResponse res) {
        Optional<Signed> signed = requireStaff(req, res);
        if (signed.isEmpty()) {
            return;
        }
        Map<String, String> form = WebForms.form(req);
        if (!checkCsrf(signed.get(), form, res)) {
            return;
        }
        String id = req.path().pathParameters().first("id").orElse("");
        if (!isUuid(id)) {
            notFound(res, signed.get());
            return;
        }
        JsonObjectBuilder birthplace = Jsons.createObjectBuilder();
        putIfPresent(birthplace, "inseeCode", form.get("inseeNaissance"));
        putIfPresent(birthplace, "city", form.get("communeNaissance"));
        putIfPresent(birthplace, "country", form.get("paysNaissance"));
        JsonObjectBuilder person = Jsons.createObjectBuilder().add("birthplace", birthplace);
        putIfPresent(person, "birthName", form.get("nom"));
        putIfPresent(person, "firstName", form.get("prenom"));
        putIfPresent(person, "sex", form.get("sexe"));
        putIfPresent(person, "birthDate", form.get("dateNaissance"));
        putIfPresent(person, "email", form.get("email"));
        putIfPresent(person, "mobilePhone", form.get("telephone"));
        LoopbackApi.Answer answer = api.post(req, signed.get().token(), "/sessions/" + id + "/enrolments",
                Jsons.createObjectBuilder().add("person", person).add("billingMode", "FREE").build());
        if (answer.ok()) {
            redirect(res, "/console/sessions/" + id + "?inscrit=" + answer.body().get("id"));
            return;
        }
        if (answer.status() == 404) {
            notFound(res, signed.get());
            return;
        }
        renderSession(req, res, signed.get(), Status.create(answer.status() == 409 ? 409 : 422), form,
                fieldNames(answer.fieldErrors()), answer.detail(), "");
    }

    private void asset(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().first("name").orElse("");
        byte[] content = assets.get(name);
        if (content == null) {
            res.status(Status.NOT_FOUND_404).send();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, ASSET_TYPES.get(name)).header(HeaderNames.CACHE_CONTROL, "public, max-age=3600")
                .send(content);
    }

    // --- Helpers -----------------------------------------------------------------------------

    /** A signed-in browser: the session, and its token to call the API with. */
    record Signed(ConsoleSession session, String token) {
    }

    private Optional<Signed> signedIn(ServerRequest req) {
        return WebForms.cookie(req, SESSION_COOKIE).flatMap(secret -> users.consoleSession(secret)
                .map(session -> new Signed(session, secret)));
    }

    /**
     * The signed-in browser; otherwise a page is redirected to the sign-in page, and a form sent
     * without a session (expired, or never signed in) answers 401 with the sign-in page: nothing done.
     */
    private Optional<Signed> requireSignedIn(ServerRequest req, ServerResponse res) {
        Optional<Signed> signed = signedIn(req);
        if (signed.isEmpty()) {
            if (req.prologue().method() == Method.GET) {
                res.header(HeaderNames.SET_COOKIE, expired(SESSION_COOKIE));
                redirect(res, LOGIN);
            } else {
                renderLogin(res, Status.UNAUTHORIZED_401, "", "Vous n'êtes pas connecté(e), ou votre session a expiré : "
                        + "rien n'a été enregistré. Connectez-vous puis recommencez.");
            }
        }
        return signed;
    }

    private Optional<Signed> requireStaff(ServerRequest req, ServerResponse res) {
        Optional<Signed> signed = requireSignedIn(req, res);
        if (signed.isPresent() && !isStaff(signed.get())) {
            notFound(res, signed.get());
            return Optional.empty();
        }
        return signed;
    }

    private static boolean isStaff(Signed signed) {
        Role role = signed.session().principal().role();
        return role == Role.CENTER_STAFF || role == Role.ADMIN;
    }

    private boolean checkCsrf(Signed signed, Map<String, String> form, ServerResponse res) {
        if (WebForms.sameToken(form.get("csrf"), signed.session().csrfToken())) {
            return true;
        }
        Map<String, Object> model = page("Formulaire refusé", signed, null);
        render(res, Status.FORBIDDEN_403, "refus", model);
        return false;
    }

    private void notFound(ServerResponse res, Signed signed) {
        render(res, Status.NOT_FOUND_404, "introuvable", page("Page introuvable", signed, null));
    }

    private Map<String, Object> page(String title, Signed signed, String current) {
        Map<String, Object> model = new HashMap<>();
        model.put("titre", title);
        model.put("connecte", signed != null);
        model.put("utilisateur", signed == null ? "" : signed.session().displayName());
        model.put("csrf", signed == null ? "" : signed.session().csrfToken());
        List<Map<String, Object>> menu = new ArrayList<>();
        if (signed != null) {
            menu.add(Map.of("libelle", "Accueil", "href", "/console", "courant", "/console".equals(current)));
            if (isStaff(signed)) {
                menu.add(Map.of("libelle", "Sessions", "href", "/console/sessions",
                        "courant", "/console/sessions".equals(current)));
            }
        }
        model.put("menu", menu);
        return model;
    }

    private void render(ServerResponse res, Status status, String page, Map<String, Object> model) {
        res.status(status).header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8")
                .send(templates.render("pages/console/" + page + ".html.vm", model));
    }

    private static void redirect(ServerResponse res, String location) {
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, location).send();
    }

    private String cookie(String name, String value, Duration maxAge) {
        return name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax" + (development ? "" : "; Secure")
                + (maxAge == null ? "" : "; Max-Age=" + maxAge.getSeconds());
    }

    private String expired(String name) {
        return name + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" + (development ? "" : "; Secure");
    }

    /** Seats taken of the capacity, as the templates show them (« 12 / 20 »). */
    private static void describeFill(Map<String, Object> s) {
        long capacity = s.get("capacity") instanceof Long c ? c : 0;
        long free = s.get("freeSeats") instanceof Long f ? f : 0;
        s.put("occupees", Math.max(0, capacity - free));
        s.put("capacite", capacity);
        s.put("complet", capacity > 0 && free <= 0);
        s.put("remplissage", capacity <= 0 ? 0 : Math.round(10.0 * Math.max(0, capacity - free) / capacity));
    }

    private static Map<String, String> withDefaults(Map<String, String> values) {
        Map<String, String> all = new HashMap<>();
        for (String field : List.of("nom", "prenom", "sexe", "dateNaissance", "inseeNaissance", "communeNaissance",
                "paysNaissance", "email", "telephone")) {
            all.put(field, values.getOrDefault(field, ""));
        }
        return all;
    }

    /** API field names → the form's field names (the errors are shown beside the field they concern). */
    private static Map<String, String> fieldNames(Map<String, String> apiErrors) {
        Map<String, String> names = Map.of("person.birthName", "nom", "person.firstName", "prenom", "person.sex", "sexe",
                "person.birthDate", "dateNaissance", "person.birthplace.inseeCode", "inseeNaissance",
                "person.birthplace.city", "communeNaissance", "person.birthplace.country", "paysNaissance",
                "person.birthplace", "inseeNaissance", "person.email", "email", "person.mobilePhone", "telephone");
        Map<String, String> errors = new HashMap<>();
        apiErrors.forEach((field, message) -> errors.putIfAbsent(names.getOrDefault(field, "formulaire"), message));
        return errors;
    }

    private static void putIfPresent(JsonObjectBuilder builder, String name, String value) {
        if (value != null && !value.isBlank()) {
            builder.add(name, value.strip());
        }
    }

    private static String roleLabel(Role role) {
        return switch (role) {
            case ADMIN -> "administrateur";
            case CENTER_STAFF -> "personnel du centre";
            case ADVISER -> "conseiller ou conseillère";
            case HR -> "ressources humaines";
            case INVIGILATOR -> "surveillant ou surveillante";
        };
    }

    private static Optional<YearMonth> yearMonth(String text) {
        try {
            return Optional.of(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ConsolePages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
