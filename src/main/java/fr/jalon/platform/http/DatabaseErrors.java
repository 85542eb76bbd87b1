package fr.jalon.platform.http;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/**
 * Maps constraint violations that reach the HTTP layer (races that a pre-check could not see)
 * to a 409, data exceptions (SQLSTATE class 22) to a 422, and a database out of reach — no
 * connection within the pool's timeout, a connection lost, the server shutting down or starting —
 * to a 503 with {@code Retry-After}, instead of a 500. Use cases check first and give precise
 * messages; this is the net.
 */
final class DatabaseErrors {

    private DatabaseErrors() {
    }

    static ApiProblem toProblem(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ApiProblem problem) {
                return problem;
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLException sql && unreachable(sql)) {
                return ApiProblem.unavailable("La base de données est momentanément injoignable : rien n'a été "
                        + "enregistré. Réessayez dans quelques secondes.");
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return switch (sql.getSQLState()) {
                    case "23505" -> ApiProblem.conflict("Cet enregistrement existe déjà.");
                    case "23P01" -> ApiProblem.conflict("Ce créneau est en conflit avec un autre enregistrement.");
                    case "23503" -> ApiProblem.conflict("Cet enregistrement est lié à des données absentes ou encore utilisées.");
                    case "40001", "40P01" -> new ApiProblem(503, "retry", "Service momentanément indisponible",
                            "Conflit d'accès concurrent : réessayez dans un instant.", List.of());
                    // Class 22, data exceptions (a NUL byte, a number out of range...): the input, not the service.
                    default -> sql.getSQLState().startsWith("22") ? new ApiProblem(422, "invalid-data",
                            "Données invalides", "Une valeur envoyée n'est pas acceptée (caractère interdit, nombre hors "
                                    + "limites ou format invalide) : rien n'a été enregistré.", List.of())
                            : null;
                };
            }
        }
        return null;
    }

    /** Connection exceptions (class 08) and the server shutting down or not yet accepting (57P01–57P03). */
    private static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
