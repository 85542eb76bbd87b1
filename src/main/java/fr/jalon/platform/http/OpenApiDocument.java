package fr.jalon.platform.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;

/** Serves the hand-kept OpenAPI 3.1 description at {@code /openapi}; a test keeps it complete. */
public final class OpenApiDocument implements ApiRoutes.ApiService {

    public static final String RESOURCE = "/openapi.yaml";

    private final byte[] document;

    public OpenApiDocument() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, "/openapi", (req, res) -> res
                .header(HeaderNames.CONTENT_TYPE, "application/yaml; charset=UTF-8")
                .send(document));
    }
}
