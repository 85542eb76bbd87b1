package fr.jalon.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.ProblemHandlers;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

/**
 * Authenticates every {@code /api/v1} request with its bearer token and puts the
 * {@link Principal} into the request context. Last use is written at most once a minute per
 * token, so authentication does not turn every read into a write.
 */
public final class Authentication implements Filter {

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final TokenCache tokens;

    /** The prefix of API routes open without a token. */
    public static final String PUBLIC = ApiRoutes.BASE + "/public/";

    public Authentication(TokenCache tokens) {
        this.tokens = tokens;
    }

    /** The caller of a request that passed this filter. */
    public static Principal principal(ServerRequest req) {
        return req.context().get(Principal.class)
                .orElseThrow(() -> ApiProblem.unauthenticated("Jeton d'accès manquant."));
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        // /api/v1/public/… answers anyone (attestation verification); every other API path needs a token.
        if (!path.startsWith(ApiRoutes.BASE + "/") && !path.equals(ApiRoutes.BASE) || path.startsWith(PUBLIC)) {
            chain.proceed();
            return;
        }
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            reject(req, res, "Jeton d'accès manquant : ajoutez l'en-tête « Authorization: Bearer <jeton> ».");
            return;
        }
        String value = header.get().strip();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7) || !TokenSecrets.wellFormed(value.substring(7).strip())) {
            reject(req, res, "En-tête « Authorization » mal formé : « Bearer <jeton> » est attendu.");
            return;
        }
        String secret = value.substring(7).strip();
        Optional<TokenLookup.Authenticated> found = tokens.authenticate(secret);
        if (found.isEmpty()) {
            reject(req, res, "Jeton d'accès inconnu, expiré ou révoqué.");
            return;
        }
        Principal principal = found.get().principal();
        Instant lastUsed = found.get().lastUsedAt();
        if (lastUsed == null || lastUsed.isBefore(Instant.now().minus(TOUCH_INTERVAL))) {
            tokens.touch(secret, found.get());
        }
        req.context().register(principal);
        chain.proceed();
    }

    private static void reject(RoutingRequest req, RoutingResponse res, String detail) {
        ProblemHandlers.send(res, ApiProblem.unauthenticated(detail), req.path().path());
    }
}
