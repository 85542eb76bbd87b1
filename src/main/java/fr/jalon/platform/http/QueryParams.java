package fr.jalon.platform.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.helidon.webserver.http.ServerRequest;

/** Typed access to query and path parameters, with French 400s for bad values. */
public final class QueryParams {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final ServerRequest req;

    private QueryParams(ServerRequest req) {
        this.req = req;
    }

    public static QueryParams of(ServerRequest req) {
        return new QueryParams(req);
    }

    /** A path id; a malformed one cannot exist, so it answers 404 like an unknown one. */
    public static UUID pathId(ServerRequest req, String name) {
        try {
            return UUID.fromString(req.path().pathParameters().get(name));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("Aucune ressource ne correspond à cet identifiant.");
        }
    }

    public Optional<String> text(String name, int maxLength) {
        Optional<String> value = req.query().first(name).asOptional().map(String::strip).filter(s -> !s.isEmpty());
        if (value.isPresent() && value.get().length() > maxLength) {
            throw ApiProblem.badRequest("Le paramètre « " + name + " » ne doit pas dépasser " + maxLength + " caractères.");
        }
        if (value.isPresent() && JsonInput.hasControlCharacter(value.get())) {
            throw ApiProblem.badRequest("Le paramètre « " + name + " » contient un caractère de contrôle interdit.");
        }
        return value;
    }

    public Optional<LocalDate> date(String name) {
        return text(name, 10).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest("Le paramètre « " + name + " » doit être une date existante au format AAAA-MM-JJ.");
            }
        });
    }

    public Optional<UUID> uuid(String name) {
        return text(name, 36).map(text -> {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("Le paramètre « " + name + " » doit être un identifiant valide.");
            }
        });
    }

    public <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
        return text(name, 64).map(text -> {
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("Le paramètre « " + name + " » a une valeur inconnue : " + text + ".");
            }
        });
    }

    public int limit() {
        return limit(DEFAULT_LIMIT, MAX_LIMIT);
    }

    public int limit(int defaultLimit, int maxLimit) {
        return text("limit", 6).map(text -> {
            try {
                int limit = Integer.parseInt(text);
                if (limit >= 1 && limit <= maxLimit) {
                    return limit;
                }
            } catch (NumberFormatException e) {
                // falls through to the problem below
            }
            throw ApiProblem.badRequest("Le paramètre « limit » doit être un entier entre 1 et " + maxLimit + ".");
        }).orElse(defaultLimit);
    }

    public Optional<Cursor> cursor() {
        return text("cursor", 512).map(Cursor::decode);
    }
}
