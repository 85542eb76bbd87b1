package fr.jalon.platform.validation;

/**
 * A rule broken, as a rule reports it (no HTTP, no database): either a field of the input that
 * is not acceptable, or a state that does not allow the change. The use case turns it into the
 * answer (422 or 409).
 */
public record Breach(Kind kind, String field, String code, String message) {

    public enum Kind { INVALID_FIELD, CONFLICT }

    public static Breach invalidField(String field, String code, String message) {
        return new Breach(Kind.INVALID_FIELD, field, code, message);
    }

    public static Breach conflict(String message) {
        return new Breach(Kind.CONFLICT, null, "conflict", message);
    }
}
