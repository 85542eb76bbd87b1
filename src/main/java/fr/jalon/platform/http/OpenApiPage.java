package fr.jalon.platform.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The browsable API documentation at {@code /openapi/ui}: Swagger UI from its webjar, served by
 * Jalon itself (no CDN, no inline script), reading {@code /openapi}. Only the files the page uses
 * are served, each read once.
 */
public final class OpenApiPage implements ApiRoutes.ApiService {

    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> FILES = Map.of(
            "swagger-ui.css", "text/css; charset=UTF-8",
            "swagger-ui-bundle.js", "text/javascript; charset=UTF-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=UTF-8");
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Jalon — documentation de l'API</title>
            <link rel="stylesheet" href="/openapi/ui/swagger-ui.css">
            </head>
            <body>
            <div id="swagger-ui"><p>Chargement de la documentation… (JavaScript est nécessaire ; le document brut est à
            <a href="/openapi">/openapi</a>.)</p></div>
            <script src="/openapi/ui/swagger-ui-bundle.js"></script>
            <script src="/openapi/ui/swagger-ui-standalone-preset.js"></script>
            <script src="/openapi/ui/jalon.js"></script>
            </body>
            </html>
            """;
    private static final String INIT = """
            window.addEventListener('load', function () {
              window.ui = SwaggerUIBundle({ url: '/openapi', dom_id: '#swagger-ui', deepLinking: true,
                presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });
            });
            """;

    private final String version;
    private final Map<String, byte[]> cache = new HashMap<>();

    public OpenApiPage() {
        this.version = webjarVersion();
        FILES.keySet().forEach(name -> cache.put(name, read(WEBJAR + version + "/" + name)));
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, "/openapi/ui", this::page)
                .root(Method.GET, "/openapi/ui/{file}", this::file);
    }

    private void page(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8").send(PAGE);
    }

    private void file(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().get("file");
        if (name.equals("jalon.js")) {
            res.header(HeaderNames.CONTENT_TYPE, "text/javascript; charset=UTF-8").send(INIT);
            return;
        }
        byte[] content = cache.get(name);
        if (content == null) {
            throw ApiProblem.notFound("Aucune ressource à l'adresse " + req.path().path() + ".");
        }
        res.status(Status.OK_200).header(HeaderNames.CONTENT_TYPE, FILES.get(name))
                .header(HeaderNames.CACHE_CONTROL, "public, max-age=86400").send(content);
    }

    /** The webjar's version, from its Maven metadata (so an upgrade needs no code change). */
    private static String webjarVersion() {
        try (InputStream in = OpenApiPage.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The swagger-ui webjar is missing from the class path");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = OpenApiPage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
