package fr.jalon.platform.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One problem with one input field. {@code line} is set for file imports (1-based, header = 1),
 * null for JSON bodies. A value quoted in the message (« … ») is echoed to 40 characters at most,
 * and a field name to 100: a report never carries back a whole oversized cell.
 */
public record FieldError(Integer line, String field, String code, String message) {

    /** The longest value echoed between « and ». */
    public static final int MAX_ECHO = 40;
    private static final int MAX_FIELD = 100;
    private static final Pattern QUOTED = Pattern.compile("« (.*?) »", Pattern.DOTALL);

    public FieldError {
        field = shorten(field, MAX_FIELD);
        message = message == null ? null : shortenQuotes(message);
    }

    public static FieldError of(String field, String code, String message) {
        return new FieldError(null, field, code, message);
    }

    /** The value as a report may echo it: at most {@link #MAX_ECHO} characters, then « … ». */
    public static String echo(String value) {
        return shorten(value, MAX_ECHO);
    }

    private static String shortenQuotes(String message) {
        Matcher m = QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("« " + shorten(m.group(1), MAX_ECHO) + " »"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String shorten(String value, int max) {
        if (value == null || value.codePointCount(0, value.length()) <= max) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, max)) + "…";
    }
}
