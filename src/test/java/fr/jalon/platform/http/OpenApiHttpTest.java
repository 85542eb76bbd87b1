package fr.jalon.platform.http;

import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.jalon.testing.ApiClient;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.JalonServer;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every routed endpoint is described in /openapi, and nothing described is missing from the routes. */
@HttpTest
class OpenApiHttpTest {

    private final ApiClient anonymous;

    OpenApiHttpTest(URI uri) {
        this.anonymous = ApiClient.of(uri, null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRouteIsDocumentedAndEveryDocumentedApiRouteExists() {
        ApiClient.Answer answer = anonymous.get("/openapi");
        assertEquals(200, answer.status());
        Map<String, Object> document = new Yaml().load(new StringReader(answer.body()));
        assertEquals("3.1.0", document.get("openapi"));
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");

        List<ApiRoutes.Route> routes = JalonServer.routes().all();
        assertFalse(routes.isEmpty());
        List<String> undocumented = new ArrayList<>();
        for (ApiRoutes.Route route : routes) {
            Map<String, Object> operations = paths.get(route.path());
            if (operations == null || !operations.containsKey(route.method().toLowerCase(Locale.ROOT))) {
                undocumented.add(route.method() + " " + route.path());
            }
        }
        assertTrue(undocumented.isEmpty(), "Routes missing from openapi.yaml: " + undocumented);

        List<String> unrouted = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(key -> List.of("get", "post", "put", "patch", "delete").contains(key))
                .filter(method -> path.startsWith("/api/v1") || path.equals("/openapi"))
                .filter(method -> routes.stream().noneMatch(r -> r.path().equals(path)
                        && r.method().equalsIgnoreCase(method)))
                .forEach(method -> unrouted.add(method + " " + path)));
        assertTrue(unrouted.isEmpty(), "Documented but not routed: " + unrouted);
    }

    /** The browsable documentation is served by Jalon itself: its page, scripts and style sheet, nothing from a CDN. */
    @Test
    void theBrowsableDocumentationComesFromJalonItself() {
        ApiClient anyone = anonymous;
        ApiClient.Answer page = anyone.get("/openapi/ui");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertFalse(page.body().contains("<script>"), "no inline script");
        assertFalse(page.body().matches("(?s).*(src|href)=\"https?://.*"), "nothing fetched from elsewhere");
        for (String file : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css", "jalon.js")) {
            assertTrue(page.body().contains("/openapi/ui/" + file), file);
            ApiClient.Answer served = anyone.get("/openapi/ui/" + file);
            assertEquals(200, served.status(), file);
        }
        assertTrue(anyone.get("/openapi/ui/swagger-ui-bundle.js").body().length() > 100_000);
        assertTrue(anyone.get("/openapi/ui/jalon.js").body().contains("url: '/openapi'"));
        assertEquals(404, anyone.get("/openapi/ui/index.html").status());
    }
}
