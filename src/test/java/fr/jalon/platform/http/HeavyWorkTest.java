package fr.jalon.platform.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Past the ceiling of heavy work, a request is refused at once with 429 and Retry-After; the rest flows. */
class HeavyWorkTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aSecondDocumentWaitsNotAndLightRequestsPass() throws Exception {
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpRouting.Builder routing = HttpRouting.builder().addFilter(new HeavyWork(1, 1))
                .get("/api/v1/sessions/{id}/kit.pdf", (req, res) -> {
                    rendering.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    res.send("%PDF-");
                })
                .get("/api/v1/sessions", (req, res) -> res.send("{}"))
                .get("/console/sessions/{id}/documents/kit.pdf", (req, res) -> res.send("%PDF-"));
        ProblemHandlers.register(routing, path -> null);
        WebServer server = WebServer.builder().port(0).routing(routing).build().start();
        try {
            URI base = URI.create("http://localhost:" + server.port());
            CompletableFuture<HttpResponse<String>> first = HTTP.sendAsync(HttpRequest.newBuilder(
                    base.resolve("/api/v1/sessions/1/kit.pdf")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(rendering.await(10, TimeUnit.SECONDS));
            HttpResponse<String> second = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/sessions/2/kit.pdf"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(429, second.statusCode());
            assertEquals("3", second.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(second.body().contains("Trop de documents en préparation"), second.body());
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/sessions")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "light requests are not held back");
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(base.resolve("/console/sessions/4/documents/kit.pdf"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "a console download is not counted: the API call it makes over loopback is");
            release.countDown();
            assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/sessions/3/kit.pdf")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "the permit came back");
        } finally {
            release.countDown();
            server.stop();
        }
    }
}
