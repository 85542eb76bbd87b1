package fr.jalon.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.security.TokenSecrets;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Choosing a password without being signed in: « mot de passe oublié » asks for a link by
 * e-mail (the answer never says whether the address has an account), and the link's page sets
 * the password (twice typed). Both forms carry the sign-in page's double-submit token.
 */
final class PasswordPages implements ApiRoutes.ApiService {

    static final String FORGOTTEN = "/mot-de-passe-oublie";
    static final String CHOOSE = "/mot-de-passe/";

    private final WebContext web;

    PasswordPages(WebContext web) {
        this.web = web;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, FORGOTTEN, this::forgottenPage)
                .root(Method.POST, FORGOTTEN, this::forgotten)
                .root(Method.GET, CHOOSE + "{secret}", this::choosePage)
                .root(Method.POST, CHOOSE + "{secret}", this::choose);
    }

    private void forgottenPage(ServerRequest req, ServerResponse res) {
        renderForgotten(res, Status.OK_200, "", "", false);
    }

    private void forgotten(ServerRequest req, ServerResponse res) {
        Map<String, String> form = WebForms.form(req);
        String email = form.getOrDefault("email", "").strip();
        if (!sameLoginToken(req, form)) {
            renderForgotten(res, Status.FORBIDDEN_403, email, "Le formulaire a expiré ou ne vient pas de Jalon : "
                    + "saisissez à nouveau votre adresse.", false);
            return;
        }
        if (email.isEmpty() || email.length() > 254 || !email.contains("@")) {
            renderForgotten(res, Status.create(422), email, "Indiquez l'adresse e-mail de votre compte, par exemple "
                    + "prenom.nom@exemple.fr.", false);
            return;
        }
        web.users.requestPasswordLink(email);
        renderForgotten(res, Status.OK_200, "", "", true);
    }

    private void choosePage(ServerRequest req, ServerResponse res) {
        String secret = secret(req);
        Optional<String> account = web.users.passwordLinkAccount(secret);
        if (account.isEmpty()) {
            renderSpent(res);
            return;
        }
        renderChoose(res, Status.OK_200, secret, account.get(), Map.of());
    }

    private void choose(ServerRequest req, ServerResponse res) {
        String secret = secret(req);
        Map<String, String> form = WebForms.form(req);
        Optional<String> account = web.users.passwordLinkAccount(secret);
        if (account.isEmpty()) {
            renderSpent(res);
            return;
        }
        if (!sameLoginToken(req, form)) {
            renderChoose(res, Status.FORBIDDEN_403, secret, account.get(), Map.of("password",
                    "Le formulaire a expiré ou ne vient pas de Jalon : saisissez à nouveau votre mot de passe."));
            return;
        }
        String password = form.getOrDefault("password", "");
        if (!password.equals(form.getOrDefault("confirmation", ""))) {
            renderChoose(res, Status.create(422), secret, account.get(), Map.of("confirmation",
                    "Les deux saisies diffèrent : tapez le même mot de passe deux fois."));
            return;
        }
        try {
            web.users.choosePassword(secret, password);
        } catch (ApiProblem problem) {
            if (problem.status() == 410) {
                renderSpent(res);
                return;
            }
            Map<String, String> errors = new HashMap<>();
            problem.errors().forEach(e -> errors.merge("password", e.message(), (a, b) -> a + " " + b));
            renderChoose(res, Status.create(problem.status()), secret, account.get(), errors);
            return;
        }
        res.header(HeaderNames.SET_COOKIE, web.expired(WebContext.LOGIN_CSRF_COOKIE));
        WebContext.redirect(res, WebContext.LOGIN + "?motDePasse=enregistre");
    }

    private static String secret(ServerRequest req) {
        return req.path().pathParameters().first("secret").orElse("");
    }

    private static boolean sameLoginToken(ServerRequest req, Map<String, String> form) {
        return WebForms.sameToken(form.get("csrf"), WebForms.cookie(req, WebContext.LOGIN_CSRF_COOKIE).orElse(null));
    }

    /** A fresh double-submit token: its cookie set on the answer, its value for the form. */
    private String loginToken(ServerResponse res) {
        String csrf = TokenSecrets.newSecret();
        res.header(HeaderNames.SET_COOKIE, web.cookie(WebContext.LOGIN_CSRF_COOKIE, csrf, Duration.ofHours(1)));
        return csrf;
    }

    private void renderForgotten(ServerResponse res, Status status, String email, String error, boolean sent) {
        Map<String, Object> model = web.page("Mot de passe oublié", null, null);
        model.put("csrf", loginToken(res));
        model.put("email", email);
        model.put("erreur", error);
        model.put("envoye", sent);
        web.render(res, status, "mot-de-passe-oublie", model);
    }

    private void renderChoose(ServerResponse res, Status status, String secret, String account,
                              Map<String, String> errors) {
        Map<String, Object> model = web.page("Choisir votre mot de passe", null, null);
        model.put("csrf", loginToken(res));
        model.put("action", CHOOSE + secret);
        model.put("compte", account);
        model.put("erreurs", errors);
        model.put("regles", List.of("au moins 12 caractères (une phrase courte convient très bien)",
                "au moins 5 caractères différents", "sans votre adresse e-mail"));
        web.render(res, status, "mot-de-passe", model);
    }

    private void renderSpent(ServerResponse res) {
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        web.render(res, Status.GONE_410, "mot-de-passe-perime", web.page("Lien expiré", null, null));
    }
}
