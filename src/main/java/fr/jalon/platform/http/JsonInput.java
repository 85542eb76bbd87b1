package fr.jalon.platform.http;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import fr.jalon.platform.validation.FieldError;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A JSON object read field by field. Every problem is collected (not only the first) so the
 * client can fix its request in one go; {@link #validate()} throws them all as one 422, and
 * also rejects fields nobody asked for, so a typo is not silently ignored.
 */
public final class JsonInput {

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    private final JsonObject json;
    private final String prefix;
    private final Set<String> read = new HashSet<>();
    private final List<FieldError> errors;
    private final List<JsonInput> nested = new ArrayList<>();

    public JsonInput(JsonObject json) {
        this(json, "", new ArrayList<>());
    }

    private JsonInput(JsonObject json, String prefix, List<FieldError> errors) {
        this.json = json;
        this.prefix = prefix;
        this.errors = errors;
    }

    /** The object as received (e.g. to apply it as a JSON merge patch). */
    public JsonObject raw() {
        return json;
    }

    public boolean has(String field) {
        read.add(field);
        return json.containsKey(field) && json.get(field).getValueType() != JsonValue.ValueType.NULL;
    }

    /** True when the field is present, even as an explicit null (PATCH semantics). */
    public boolean present(String field) {
        read.add(field);
        return json.containsKey(field);
    }

    public Optional<String> text(String field, int maxLength) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonValue value = json.get(field);
        if (!(value instanceof JsonString string)) {
            error(field, "type", "doit être une chaîne de caractères");
            return Optional.empty();
        }
        String text = string.getString().strip();
        if (text.isEmpty()) {
            error(field, "blank", "ne doit pas être vide");
            return Optional.empty();
        }
        if (text.length() > maxLength) {
            error(field, "too_long", "ne doit pas dépasser " + maxLength + " caractères");
            return Optional.empty();
        }
        if (hasControlCharacter(text)) {
            error(field, "control_character", "contient un caractère de contrôle interdit (retirez-le)");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    public String requiredText(String field, int maxLength) {
        return required(field, text(field, maxLength)).orElse(null);
    }

    public Optional<Integer> integer(String field, int min, int max) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonValue value = json.get(field);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            error(field, "type", "doit être un nombre entier");
            return Optional.empty();
        }
        long n;
        try {
            n = number.longValueExact();
        } catch (ArithmeticException e) {
            n = Long.MAX_VALUE;
        }
        if (n < min || n > max) {
            error(field, "out_of_range", "doit être compris entre " + min + " et " + max);
            return Optional.empty();
        }
        return Optional.of((int) n);
    }

    public Optional<Boolean> bool(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonValue value = json.get(field);
        if (value == JsonValue.TRUE) {
            return Optional.of(true);
        }
        if (value == JsonValue.FALSE) {
            return Optional.of(false);
        }
        error(field, "type", "doit valoir true ou false");
        return Optional.empty();
    }

    /** An ISO date, {@code AAAA-MM-JJ}; an impossible date such as 2026-02-31 is an error. */
    public Optional<LocalDate> date(String field) {
        return text(field, 10).flatMap(text -> {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                error(field, "invalid_date", "doit être une date existante au format AAAA-MM-JJ");
                return Optional.empty();
            }
        });
    }

    /** A local time {@code HH:MM} between 00:00 and 23:59. */
    public Optional<LocalTime> time(String field) {
        return text(field, 5).flatMap(text -> {
            if (!TIME.matcher(text).matches()) {
                error(field, "invalid_time", "doit être une heure entre 00:00 et 23:59 au format HH:MM");
                return Optional.empty();
            }
            return Optional.of(LocalTime.parse(text));
        });
    }

    public Optional<UUID> uuid(String field) {
        return text(field, 36).flatMap(text -> {
            try {
                return Optional.of(UUID.fromString(text));
            } catch (IllegalArgumentException e) {
                error(field, "invalid_id", "doit être un identifiant valide");
                return Optional.empty();
            }
        });
    }

    public <E extends Enum<E>> Optional<E> enumValue(String field, Class<E> type) {
        return text(field, 64).flatMap(text -> parseEnum(field, type, text));
    }

    /** A list of distinct enum values; an absent field is an empty set. */
    public <E extends Enum<E>> Set<E> enumSet(String field, Class<E> type, int maxItems) {
        Set<E> values = new LinkedHashSet<>();
        if (!has(field)) {
            return values;
        }
        JsonValue value = json.get(field);
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            error(field, "type", "doit être une liste");
            return values;
        }
        var array = value.asJsonArray();
        if (array.size() > maxItems) {
            error(field, "too_many", "ne doit pas contenir plus de " + maxItems + " éléments");
            return values;
        }
        for (JsonValue item : array) {
            if (item instanceof JsonString s) {
                parseEnum(field, type, s.getString().strip()).ifPresent(values::add);
            } else {
                error(field, "type", "ne doit contenir que des chaînes de caractères");
            }
        }
        return values;
    }

    /** A list of short texts (codes, ids); an absent field is an empty list. */
    public List<String> textList(String field, int maxItems, int maxLength) {
        List<String> values = new ArrayList<>();
        if (!has(field)) {
            return values;
        }
        JsonValue value = json.get(field);
        if (value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().size() > maxItems) {
            error(field, "type", "doit être une liste d'au plus " + maxItems + " éléments");
            return values;
        }
        for (JsonValue item : value.asJsonArray()) {
            if (item instanceof JsonString s && !s.getString().isBlank() && s.getString().length() <= maxLength
                    && !hasControlCharacter(s.getString())) {
                values.add(s.getString().strip());
            } else {
                error(field, "type", "ne doit contenir que des textes non vides d'au plus " + maxLength
                        + " caractères, sans caractère de contrôle");
                return values;
            }
        }
        return values;
    }

    /**
     * Whether the text holds a C0 control character other than tab, carriage return and line
     * feed (NUL cannot be stored; the others have no place in a name, an address or a note).
     */
    public static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** A nested object, validated with the same error list. */
    public Optional<JsonInput> object(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonValue value = json.get(field);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            error(field, "type", "doit être un objet");
            return Optional.empty();
        }
        JsonInput child = new JsonInput(value.asJsonObject(), prefix + field + ".", errors);
        nested.add(child);
        return Optional.of(child);
    }

    public <T> Optional<T> required(String field, Optional<T> value) {
        if (value.isEmpty() && !json.containsKey(field)) {
            error(field, "required", "est obligatoire");
        } else if (value.isEmpty() && json.get(field).getValueType() == JsonValue.ValueType.NULL) {
            error(field, "required", "est obligatoire");
        }
        return value;
    }

    public void error(String field, String code, String message) {
        String path = prefix + field;
        errors.add(FieldError.of(path, code, "Le champ « " + path + " » " + message + "."));
    }

    /** Adds a rule error whose message is already a full French sentence. */
    public void ruleError(String field, String code, String sentence) {
        errors.add(FieldError.of(prefix + field, code, sentence));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws every collected problem, and every unknown field, as one 422. */
    public void validate() {
        rejectUnknownFields();
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
    }

    private void rejectUnknownFields() {
        nested.forEach(JsonInput::rejectUnknownFields);
        for (String key : json.keySet()) {
            if (!read.contains(key)) {
                errors.add(FieldError.of(prefix + key, "unknown_field",
                        "Le champ « " + prefix + key + " » n'est pas reconnu."));
            }
        }
    }

    private <E extends Enum<E>> Optional<E> parseEnum(String field, Class<E> type, String text) {
        try {
            return Optional.of(Enum.valueOf(type, text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name());
            }
            error(field, "invalid_value", "doit valoir l'une des valeurs " + String.join(", ", allowed));
            return Optional.empty();
        }
    }
}
