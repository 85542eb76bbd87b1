package fr.jalon.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.jalon.platform.http.RequestBodies;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/** Cookies and HTML forms (application/x-www-form-urlencoded, 64 KB at most) of console requests. */
final class WebForms {

    static final long MAX_FORM_BYTES = 64 * 1024;

    private WebForms() {
    }

    static Optional<String> cookie(ServerRequest req, String name) {
        for (String header : req.headers().all(HeaderNames.COOKIE, List::of)) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
                    return Optional.of(part.substring(eq + 1).strip()).filter(v -> !v.isEmpty());
                }
            }
        }
        return Optional.empty();
    }

    /** The fields of a posted form, in order; a repeated field keeps its first value. */
    static Map<String, String> form(ServerRequest req) {
        return form(fields(req));
    }

    /** The first value of each field (a form's fields read once, for those that repeat some). */
    static Map<String, String> form(List<Map.Entry<String, String>> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        fields.forEach(f -> form.putIfAbsent(f.getKey(), f.getValue()));
        return form;
    }

    /** Every field of a posted form in order, repeated ones (checkboxes) included. */
    static List<Map.Entry<String, String>> fields(ServerRequest req) {
        String body = new String(RequestBodies.bytes(req, MAX_FORM_BYTES), StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            fields.add(Map.entry(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1))));
        }
        return fields;
    }

    /** Constant-time comparison of a posted token with the expected one. */
    static boolean sameToken(String posted, String expected) {
        return posted != null && expected != null && MessageDigest.isEqual(posted.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
