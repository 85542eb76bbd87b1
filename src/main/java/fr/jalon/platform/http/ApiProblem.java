package fr.jalon.platform.http;

import java.util.List;
import java.util.Optional;

import fr.jalon.platform.validation.Breach;
import fr.jalon.platform.validation.FieldError;

/**
 * An error that answers as RFC 9457 problem+json. Thrown by handlers and use cases; rendered by
 * {@link ProblemHandlers}. Titles and details are in French because people read them.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    /** Seconds before trying again ({@code Retry-After}); by default 5 for a 503 and 60 for a 429. */
    private Integer retryAfter;

    public ApiProblem(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "bad-request", "Requête invalide", detail, List.of());
    }

    public static ApiProblem unauthenticated(String detail) {
        return new ApiProblem(401, "unauthenticated", "Authentification requise", detail, List.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Action non autorisée", detail, List.of());
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Ressource introuvable", detail, List.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflit", detail, List.of());
    }

    /** A service momentarily unable to answer (database restarting, pool exhausted): try again shortly. */
    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "unavailable", "Service momentanément indisponible", detail, List.of());
    }

    public static ApiProblem tooManyRequests(String detail) {
        return new ApiProblem(429, "rate_limited", "Trop de requêtes", detail, List.of());
    }

    public static ApiProblem payloadTooLarge(long limit) {
        return new ApiProblem(413, "payload-too-large", "Requête trop volumineuse",
                "Le corps de la requête dépasse la taille maximale autorisée (" + limit + " octets).", List.of());
    }

    public static ApiProblem unsupportedMediaType(String expected) {
        return new ApiProblem(415, "unsupported-media-type", "Format non pris en charge",
                "Le corps de la requête doit être de type " + expected + ".", List.of());
    }

    public static ApiProblem validation(List<FieldError> errors) {
        return new ApiProblem(422, "validation", "Données invalides",
                errors.size() == 1 && !(errors instanceof ProblemList list && list.more() > 0) ? errors.getFirst().message()
                        : errors instanceof ProblemList ? ProblemList.summary(errors) + "."
                        : errors.size() + " champs sont invalides : voir la liste des erreurs.", errors);
    }

    /** The breach a rule found, as an answer: 422 for a field, 409 for a state. */
    public static ApiProblem of(Breach breach) {
        return switch (breach.kind()) {
            case INVALID_FIELD -> invalidField(breach.field(), breach.code(), breach.message());
            case CONFLICT -> conflict(breach.message());
        };
    }

    /** Throws the breach a rule found, if any. */
    public static void raise(Optional<Breach> breach) {
        if (breach.isPresent()) {
            throw of(breach.get());
        }
    }

    public static ApiProblem invalidField(String field, String code, String message) {
        return validation(List.of(FieldError.of(field, code, message)));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The same problem asking the client to wait this many seconds ({@code Retry-After}). */
    public ApiProblem retryAfter(int seconds) {
        this.retryAfter = seconds;
        return this;
    }

    /** The {@code Retry-After} this problem sends, if any: its own, else 5 s for a 503 and 60 s for a 429. */
    public Optional<Integer> retryAfterSeconds() {
        if (retryAfter != null) {
            return Optional.of(retryAfter);
        }
        return status == 503 ? Optional.of(5) : status == 429 ? Optional.of(60) : Optional.empty();
    }
}
