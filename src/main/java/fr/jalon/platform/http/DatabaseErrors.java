package fr.jalon.platform.http;

import java.sql.SQLException;
import java.util.List;

/**
 * Maps constraint violations that reach the HTTP layer (races that a pre-check could not see)
 * to a 409, and data exceptions (SQLSTATE class 22) to a 422, instead of a 500. Use cases check
 * first and give precise messages; this is the net.
 */
final class DatabaseErrors {

    private DatabaseErrors() {
    }

    static ApiProblem toProblem(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ApiProblem problem) {
                return problem;
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
}
