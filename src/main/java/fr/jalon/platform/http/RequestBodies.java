package fr.jalon.platform.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

import fr.jalon.platform.json.Jsons;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * Reads request bodies with a size limit, so a client cannot make the service buffer an
 * unbounded body. The limit is checked while reading, not only on Content-Length.
 */
public final class RequestBodies {

    private final long maxJsonBytes;
    private final long maxFileBytes;

    public RequestBodies(long maxJsonBytes, long maxFileBytes) {
        this.maxJsonBytes = maxJsonBytes;
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * An uploaded CSV file: the body itself ({@code text/csv}) or the file part of a
     * {@code multipart/form-data} form, at most the configured size.
     */
    public byte[] csvFile(ServerRequest req) {
        return csvFile(req, maxFileBytes);
    }

    /** The same with a limit of its own (a centre's whole results export is larger than an enrolment file). */
    public byte[] csvFile(ServerRequest req, long limit) {
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        byte[] body = bytes(req, limit);
        return switch (type) {
            case "text/csv", "application/csv", "text/plain", "application/vnd.ms-excel" -> body;
            case "multipart/form-data" -> MultipartFiles.firstFile(body, contentType);
            default -> throw ApiProblem.unsupportedMediaType("text/csv ou multipart/form-data");
        };
    }

    /**
     * A browser's {@code multipart/form-data} form (a file and its hidden fields, such as a CSRF
     * token), at most {@code limit} bytes in all: 413 beyond, 415 for another type, 400 if malformed.
     */
    public static Upload upload(ServerRequest req, long limit) {
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw ApiProblem.unsupportedMediaType("multipart/form-data");
        }
        return MultipartFiles.parts(bytes(req, limit), contentType);
    }

    /** The JSON body read by a form ({@code XForms::x}), every problem thrown at once as a 422. */
    public <T> T read(ServerRequest req, Function<JsonInput, T> form) {
        JsonInput in = json(req);
        T value = form.apply(in);
        in.validate();
        return value;
    }

    public JsonInput json(ServerRequest req) {
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!isJson(contentType)) {
            throw ApiProblem.unsupportedMediaType("application/json");
        }
        byte[] bytes = bytes(req, maxJsonBytes);
        if (bytes.length == 0) {
            throw ApiProblem.badRequest("Le corps de la requête est vide : un objet JSON est attendu.");
        }
        try (JsonReader reader = Jsons.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiProblem.badRequest("Le corps de la requête doit être un objet JSON.");
            }
            return new JsonInput((JsonObject) value);
        } catch (JsonException e) {
            throw ApiProblem.badRequest("Le corps de la requête n'est pas un JSON valide.");
        }
    }

    /** Reads at most {@code limit} bytes; more answers 413. */
    public static byte[] bytes(ServerRequest req, long limit) {
        req.headers().contentLength().ifPresent(length -> {
            if (length > limit) {
                throw ApiProblem.payloadTooLarge(limit);
            }
        });
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (data.length > limit) {
                throw ApiProblem.payloadTooLarge(limit);
            }
            return data;
        } catch (IOException e) {
            throw ApiProblem.badRequest("Le corps de la requête n'a pas pu être lu.");
        }
    }

    private static boolean isJson(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return type.equals("application/json") || type.endsWith("+json");
    }
}
