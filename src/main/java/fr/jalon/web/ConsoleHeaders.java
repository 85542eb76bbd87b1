package fr.jalon.web;

import fr.jalon.platform.http.ApiRoutes;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Security headers of every page for people — the console, the password pages, the public
 * verification page, the 404 page — and of the console's assets (everything but the API and its
 * Swagger UI): a Content-Security-Policy without
 * {@code unsafe-inline} (scripts and styles come from files of this origin only), no framing, no
 * MIME sniffing, no referrer sent elsewhere, pages never cached; HSTS outside development.
 */
final class ConsoleHeaders implements Filter {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final boolean development;

    ConsoleHeaders(boolean development) {
        this.development = development;
    }

    /** Every path but the API's and the OpenAPI document and Swagger UI (which have their own rules). */
    static boolean isPageForPeople(String path) {
        return !path.startsWith(ApiRoutes.BASE + "/") && !path.equals(ApiRoutes.BASE) && !path.startsWith("/openapi");
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (isPageForPeople(path)) {
            res.header(HeaderNames.create("Content-Security-Policy"), CSP);
            res.header(HeaderNames.create("X-Frame-Options"), "DENY");
            res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
            res.header(HeaderNames.create("Referrer-Policy"), "same-origin");
            res.header(HeaderNames.create("Permissions-Policy"), "camera=(), microphone=(), geolocation=()");
            if (!path.startsWith(SignInPages.ASSETS)) {
                res.header(HeaderNames.CACHE_CONTROL, "no-store");
            }
            if (!development) {
                res.header(HeaderNames.STRICT_TRANSPORT_SECURITY, "max-age=31536000; includeSubDomains");
            }
        }
        chain.proceed();
    }
}
