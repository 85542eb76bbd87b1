package fr.jalon.platform.http;

/**
 * One problem with one input field. {@code line} is set for file imports (1-based, header = 1),
 * null for JSON bodies.
 */
public record FieldError(Integer line, String field, String code, String message) {

    public static FieldError of(String field, String code, String message) {
        return new FieldError(null, field, code, message);
    }
}
