package fr.jalon.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.security.Role;
import fr.jalon.users.SignIn;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Signing in and out, the home page of each role, and the console's style sheet and script. */
final class SignInPages implements ApiRoutes.ApiService {

    static final String ASSETS = "/console/assets/";
    private static final Map<String, String> ASSET_TYPES = Map.of("jalon.css", "text/css; charset=UTF-8",
            "jalon.js", "text/javascript; charset=UTF-8");

    private final WebContext web;
    private final Map<String, byte[]> assets = new HashMap<>();

    SignInPages(WebContext web) {
        this.web = web;
        ASSET_TYPES.keySet().forEach(name -> assets.put(name, resource("/console/" + name)));
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, "/", this::root)
                .root(Method.GET, WebContext.LOGIN, this::loginPage)
                .root(Method.POST, WebContext.LOGIN, this::login)
                .root(Method.POST, "/deconnexion", this::logout)
                .root(Method.POST, "/deconnexion-partout", this::logoutEverywhere)
                .root(Method.GET, "/console", this::home)
                .root(Method.GET, ASSETS + "{name}", this::asset);
    }

    private void root(ServerRequest req, ServerResponse res) {
        WebContext.redirect(res, web.signedIn(req).isPresent() ? "/console" : WebContext.LOGIN);
    }

    private void loginPage(ServerRequest req, ServerResponse res) {
        if (web.signedIn(req).isPresent()) {
            WebContext.redirect(res, "/console");
            return;
        }
        boolean passwordSaved = req.query().first("motDePasse").asOptional().filter("enregistre"::equals).isPresent();
        web.renderLogin(res, Status.OK_200, "", null, passwordSaved
                ? "Votre mot de passe est enregistré : connectez-vous avec lui." : "");
    }

    private void login(ServerRequest req, ServerResponse res) {
        Map<String, String> form = WebForms.form(req);
        String email = form.getOrDefault("email", "").strip();
        if (!WebForms.sameToken(form.get("csrf"), WebForms.cookie(req, WebContext.LOGIN_CSRF_COOKIE).orElse(null))) {
            web.renderLogin(res, Status.FORBIDDEN_403, email,
                    "Le formulaire a expiré ou ne vient pas de Jalon : saisissez à nouveau vos identifiants.");
            return;
        }
        SignIn result = web.users.signIn(email, form.getOrDefault("password", ""));
        switch (result.outcome()) {
            case SIGNED_IN -> {
                res.header(HeaderNames.SET_COOKIE, web.cookie(WebContext.SESSION_COOKIE, result.secret(), null),
                        web.expired(WebContext.LOGIN_CSRF_COOKIE));
                WebContext.redirect(res, "/console");
            }
            case LOCKED -> {
                long minutes = Math.max(1, (Duration.between(web.clock.instant(), result.lockedUntil()).getSeconds() + 59)
                        / 60);
                res.header(HeaderNames.RETRY_AFTER, String.valueOf(minutes * 60));
                web.renderLogin(res, Status.TOO_MANY_REQUESTS_429, email, "Trop d'essais infructueux : ce compte est "
                        + "bloqué pendant " + minutes + " minute" + (minutes > 1 ? "s" : "") + ". Réessayez ensuite.");
            }
            case REFUSED -> web.renderLogin(res, Status.UNAUTHORIZED_401, email,
                    "Adresse e-mail ou mot de passe incorrect.");
        }
    }

    private void logout(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        web.users.signOut(signed.session().principal());
        res.header(HeaderNames.SET_COOKIE, web.expired(WebContext.SESSION_COOKIE));
        WebContext.redirect(res, WebContext.LOGIN);
    }

    private void logoutEverywhere(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        web.users.signOutEverywhere(signed.session().principal());
        res.header(HeaderNames.SET_COOKIE, web.expired(WebContext.SESSION_COOKIE));
        WebContext.redirect(res, WebContext.LOGIN);
    }

    private void home(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res);
        if (signed.isEmpty()) {
            return;
        }
        Map<String, Object> model = web.page("Accueil", signed.get(), "/console");
        model.put("roleLibelle", roleLabel(signed.get().role()));
        web.render(res, Status.OK_200, "accueil", model);
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

    private static String roleLabel(Role role) {
        return switch (role) {
            case ADMIN -> "administrateur";
            case CENTER_STAFF -> "personnel du centre";
            case ADVISER -> "conseiller ou conseillère";
            case HR -> "ressources humaines";
            case INVIGILATOR -> "surveillant ou surveillante";
        };
    }

    private static byte[] resource(String name) {
        try (InputStream in = SignInPages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
