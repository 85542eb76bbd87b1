package fr.jalon.platform.http;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.UUID;

import fr.jalon.platform.json.Jsons;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
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
        routing.error(ApiProblem.class, (req, res, problem) -> send(res, problem, req.path().path()));
        routing.error(Exception.class, (req, res, e) -> {
            ApiProblem mapped = DatabaseErrors.toProblem(e);
            if (mapped != null) {
                send(res, mapped, req.path().path());
                return;
            }
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.ERROR, "Unexpected error, incident " + incident + " on " + req.prologue().method().text()
                    + " " + req.path().path(), e);
            send(res, new ApiProblem(500, "internal", "Erreur interne",
                    "Une erreur inattendue est survenue. Référence de l'incident : " + incident + ".",
                    java.util.List.of()), req.path().path());
        });
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
        res.status(problem.status())
                .header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON)
                .send(JsonText.write(body.build()));
    }
}
