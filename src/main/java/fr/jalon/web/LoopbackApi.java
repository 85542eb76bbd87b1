package fr.jalon.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.jalon.platform.http.JsonText;
import fr.jalon.platform.json.Jsons;

import io.helidon.webserver.http.ServerRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The console calls Jalon's own API, as the signed-in user (their session's token), over the
 * loopback interface of the port the page was asked on. Pages therefore run exactly the use cases,
 * scoping, validation, audit and French problems of the API — there is no second path to the
 * database. Answers come back as plain maps and lists for the templates.
 */
final class LoopbackApi {

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(60))
            .followRedirects(false)
            .build();

    /** An answer of the API: its status and its JSON body as maps, lists, strings, numbers and booleans. */
    record Answer(int status, Map<String, Object> body) {

        boolean ok() {
            return status / 100 == 2;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items() {
            Object items = body.get("items");
            return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        }

        /** The problem's field errors, by field name (the first message of each field). */
        @SuppressWarnings("unchecked")
        Map<String, String> fieldErrors() {
            Map<String, String> errors = new LinkedHashMap<>();
            if (body.get("errors") instanceof List<?> list) {
                for (Object e : list) {
                    Map<String, Object> error = (Map<String, Object>) e;
                    errors.putIfAbsent(String.valueOf(error.get("field")), String.valueOf(error.get("message")));
                }
            }
            return errors;
        }

        /** The problem's errors as they came: line (imports), field, message. */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors() {
            return body.get("errors") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        }

        /** Every message of the problem's errors in one sentence; the detail when it lists none. */
        String messages() {
            List<String> all = errors().stream().map(e -> String.valueOf(e.get("message"))).toList();
            return all.isEmpty() ? detail() : String.join(" ", all);
        }

        String detail() {
            Object detail = body.get("detail");
            return detail == null ? "La demande n'a pas abouti (" + status + ")." : detail.toString();
        }
    }

    Answer get(ServerRequest req, String token, String path) {
        return call(req, token, new Request.Builder().get(), path);
    }

    Answer post(ServerRequest req, String token, String path, JsonObject body) {
        return call(req, token, new Request.Builder().post(RequestBody.create(JsonText.write(body), JSON)), path);
    }

    /** A file the API serves (a map, a CSV, a PDF): status, content type, bytes and the file name it gives. */
    record Download(int status, String contentType, byte[] body, String contentDisposition) {

        static Download missing() {
            return new Download(404, "", new byte[0], null);
        }

        Optional<String> disposition() {
            return Optional.ofNullable(contentDisposition);
        }
    }

    /** The French detail of a refused download (its problem+json body). */
    static String detailOf(Download refused) {
        try {
            Object detail = asMap(Jsons.createReader(new StringReader(new String(refused.body(), StandardCharsets.UTF_8)))
                    .readObject()).get("detail");
            return detail == null ? "Le document n'est pas disponible (" + refused.status() + ")." : detail.toString();
        } catch (RuntimeException e) {
            return "Le document n'est pas disponible (" + refused.status() + ").";
        }
    }

    Download download(ServerRequest req, String token, String path) {
        int port = ((InetSocketAddress) req.localPeer().address()).getPort();
        Request request = new Request.Builder().get().url("http://127.0.0.1:" + port + "/api/v1" + path)
                .header("Authorization", "Bearer " + token).build();
        try (Response response = http.newCall(request).execute()) {
            return new Download(response.code(), response.header("Content-Type", "application/octet-stream"),
                    response.body().bytes(), response.header("Content-Disposition"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer delete(ServerRequest req, String token, String path) {
        return call(req, token, new Request.Builder().delete(), path);
    }

    /** A file sent as the body (a CSV export to import). */
    Answer postFile(ServerRequest req, String token, String path, byte[] file, String contentType) {
        return call(req, token, new Request.Builder().post(RequestBody.create(file, MediaType.get(contentType))), path);
    }

    Answer put(ServerRequest req, String token, String path, JsonObject body) {
        return call(req, token, new Request.Builder().put(RequestBody.create(JsonText.write(body), JSON)), path);
    }

    /** A POST with an {@code Idempotency-Key}: a form sent twice (double click, reload) acts once. */
    Answer post(ServerRequest req, String token, String path, JsonObject body, String idempotencyKey) {
        return call(req, token, new Request.Builder().post(RequestBody.create(JsonText.write(body), JSON))
                .header("Idempotency-Key", idempotencyKey), path);
    }

    private Answer call(ServerRequest req, String token, Request.Builder request, String path) {
        int port = ((InetSocketAddress) req.localPeer().address()).getPort();
        request.url("http://127.0.0.1:" + port + "/api/v1" + path).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        try (Response response = http.newCall(request.build()).execute()) {
            String text = response.body().string();
            Map<String, Object> body = text.isBlank() ? Map.of() : asMap(Jsons.createReader(new StringReader(text)).readObject());
            return new Answer(response.code(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> asMap(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((key, value) -> map.put(key, plain(value)));
        return map;
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> asMap(value.asJsonObject());
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(v -> list.add(plain(v)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                JsonNumber n = (JsonNumber) value;
                yield n.isIntegral() ? (Object) n.longValue() : (Object) n.doubleValue();
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> "";
        };
    }
}
