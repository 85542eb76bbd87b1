package fr.jalon.platform.http;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.validation.FieldError;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * Turns every exception into a problem+json answer. Unexpected exceptions answer 500 with an
 * incident id; the log gets the id and the stack trace, never the request body.
 */
public final class ProblemHandlers {

    private static final Logger LOG = System.getLogger(ProblemHandlers.class.getName());
    public static final String PROBLEM_JSON = "application/problem+json";

    private ProblemHandlers() {
    }

    public static void register(HttpRouting.Builder routing) {
        register(routing, path -> null);
    }

    /**
     * As {@link #register(HttpRouting.Builder)}; a browser (asking for {@code text/html}) sent to an
     * address that leads nowhere gets {@code notFoundPage}'s page (when it gives one) instead of JSON.
     * Errors of the request itself (unknown path, method not allowed, malformed request) are 4xx and
     * never logged as errors.
     */
    public static void register(HttpRouting.Builder routing, Function<String, String> notFoundPage) {
        routing.error(ApiProblem.class, (req, res, problem) -> send(res, problem, req.path().path()));
        routing.error(HttpException.class, (req, res, e) -> {
            int status = e.status().code();
            if (status >= 500) {
                unexpected(req, res, e);
                return;
            }
            String path = req.path().path();
            if (status == 404 && wantsHtml(req)) {
                String page = notFoundPage.apply(path);
                if (page != null) {
                    res.status(Status.NOT_FOUND_404).header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8").send(page);
                    return;
                }
            }
            send(res, switch (status) {
                case 404 -> ApiProblem.notFound("Aucune ressource à l'adresse " + path + ".");
                case 405 -> new ApiProblem(405, "method-not-allowed", "Méthode non permise",
                        "La méthode " + req.prologue().method().text() + " n'est pas permise à l'adresse " + path + ".",
                        List.of());
                default -> new ApiProblem(status, "bad-request", "Requête invalide",
                        "La requête n'a pas pu être comprise (" + status + ").", List.of());
            }, path);
        });
        routing.error(Exception.class, (req, res, e) -> {
            ApiProblem mapped = DatabaseErrors.toProblem(e);
            if (mapped != null) {
                send(res, mapped, req.path().path());
                return;
            }
            unexpected(req, res, e);
        });
    }

    private static void unexpected(ServerRequest req, ServerResponse res, Exception e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "Unexpected error, incident " + incident + " on " + req.prologue().method().text()
                + " " + req.path().path(), e);
        send(res, new ApiProblem(500, "internal", "Erreur interne",
                "Une erreur inattendue est survenue. Référence de l'incident : " + incident + ".",
                List.of()), req.path().path());
    }

    /** A browser navigating (its Accept names text/html before any JSON). */
    private static boolean wantsHtml(ServerRequest req) {
        String accept = req.headers().value(HeaderNames.ACCEPT).orElse("");
        int html = accept.indexOf("text/html");
        int json = accept.indexOf("json");
        return html >= 0 && (json < 0 || html < json);
    }

    public static void send(ServerResponse res, ApiProblem problem, String instance) {
        if (res.isSent()) {
            return;
        }
        JsonObjectBuilder body = Jsons.createObjectBuilder()
                .add("type", "/problems/" + problem.type())
                .add("title", problem.title())
                .add("status", problem.status())
                .add("detail", problem.detail());
        if (instance != null) {
            body.add("instance", instance);
        }
        if (!problem.errors().isEmpty()) {
            JsonArrayBuilder errors = Jsons.createArrayBuilder();
            for (FieldError error : problem.errors()) {
                JsonObjectBuilder item = Jsons.createObjectBuilder();
                if (error.line() != null) {
                    item.add("line", error.line());
                }
                errors.add(item.add("field", error.field())
                        .add("code", error.code())
                        .add("message", error.message()));
            }
            body.add("errors", errors);
        }
        if (problem.status() == 401) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"jalon\"");
        }
        problem.retryAfterSeconds().ifPresent(seconds -> res.header(HeaderNames.RETRY_AFTER, String.valueOf(seconds)));
        res.status(problem.status())
                .header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON)
                .send(JsonText.write(body.build()));
    }
}
