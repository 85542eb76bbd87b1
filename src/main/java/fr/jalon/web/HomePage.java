package fr.jalon.web;

import java.util.Map;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.templates.TemplateRenderer;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The public home page at {@code /}: what Jalon is, and where to go (API documentation, verification). */
public final class HomePage implements ApiRoutes.ApiService {

    static final String PAGE = "pages/home.html.vm";

    private final TemplateRenderer templates;
    private final String page;

    public HomePage(TemplateRenderer templates) {
        this.templates = templates;
        // Rendered once at start: a reworded template with a typo stops the start, not a visitor.
        this.page = templates.render(PAGE, Map.of());
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, "/", this::home);
    }

    private void home(ServerRequest req, ServerResponse res) {
        res.status(Status.OK_200).header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8")
                .header(HeaderNames.CACHE_CONTROL, "public, max-age=300").send(page);
    }

    /** The page shown to a browser for an address that leads nowhere. */
    public static String notFoundPage(TemplateRenderer templates, String path) {
        return templates.render("pages/not-found.html.vm", Map.of("chemin", path));
    }
}
