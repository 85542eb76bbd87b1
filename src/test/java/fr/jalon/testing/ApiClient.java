package fr.jalon.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import fr.jalon.platform.json.Jsons;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** A small HTTP client for tests: real requests to a real server, JSON answers parsed. */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String token;

    public ApiClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The bearer token this client sends (to use it against another instance). */
    public String token() {
        return token;
    }

    public static ApiClient of(URI server, String token) {
        String base = server.toString();
        return new ApiClient(base.endsWith("/") ? base.substring(0, base.length() - 1) : base, token);
    }

    public ApiClient as(String otherToken) {
        return new ApiClient(baseUrl, otherToken);
    }

    /** An answer: status, content type and body (parsed when it is JSON). */
    public record Answer(int status, String contentType, String body, HttpResponse<String> raw) {

        public JsonObject json() {
            return Jsons.createReader(new StringReader(body)).readObject();
        }

        public String id() {
            return json().getString("id");
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    /** A binary answer (PDF, ZIP): status, content type and bytes. */
    public record Download(int status, String contentType, byte[] body) {
    }

    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    public Answer post(String path, JsonValue body) {
        return send(json(path, "POST", body.toString()));
    }

    public Answer put(String path, JsonValue body) {
        return send(json(path, "PUT", body.toString()));
    }

    public Answer patch(String path, JsonValue body) {
        return send(json(path, "PATCH", body.toString()));
    }

    /** A raw body with a chosen content type, for malformed-input tests. */
    public Answer send(String method, String path, String contentType, String body, String... headerPairs) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            builder.header(headerPairs[i], headerPairs[i + 1]);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    public Answer sendBytes(String method, String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Answer rawAuthorization(String path, String authorizationHeader) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (authorizationHeader != null) {
            builder.header("Authorization", authorizationHeader);
        }
        return send(builder);
    }

    private HttpRequest.Builder json(String path, String method, String body) {
        return request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Answer send(HttpRequest.Builder builder) {
        try {
            HttpRequest request = builder.build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            // Every answer of every HTTP test is held to the API contract.
            OpenApiContract.check(request.method(), request.uri().getRawPath(), response.statusCode(), contentType,
                    response.body());
            return new Answer(response.statusCode(), contentType, response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
