package fr.jalon.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;


/** A browser without a browser: cookies kept, redirects not followed, forms posted with their CSRF token. */
final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final URI server;
    /** The cookies the server set and did not expire, as a browser keeps them for this one host. */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    ConsoleClient(URI server) {
        this.server = server;
    }

    record Page(int status, String body, HttpResponse<String> raw) {

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        List<String> headers(String name) {
            return raw.headers().allValues(name);
        }

        /** The first form's CSRF token on the page. */
        String csrf() {
            Matcher m = CSRF.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no CSRF token on the page: " + body);
            }
            return m.group(1);
        }
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(server.resolve(path)).header("Accept", "text/html").GET());
    }

    Page post(String path, Map<String, String> fields) {
        return postFields(path, List.copyOf(fields.entrySet()));
    }

    /** A form whose fields may repeat (checkboxes of the same name). */
    Page postFields(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(server.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A {@code multipart/form-data} form as a browser sends it: text fields, and one file in the field « file ». */
    Page upload(String path, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "----jalon" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(server.resolve(path)).header("Content-Type", "multipart/form-data; boundary="
                + boundary).header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Opens the sign-in page and signs in; returns the answer to the form. */
    Page signIn(String email, String password) {
        String csrf = get(WebContext.LOGIN).csrf();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        form.put("email", email);
        form.put("password", password);
        return post(WebContext.LOGIN, form);
    }

    /** The session cookie's value (an API token's secret). */
    Optional<String> sessionSecret() {
        return Optional.ofNullable(cookies.get(WebContext.SESSION_COOKIE));
    }

    private Page send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || set.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Page(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
