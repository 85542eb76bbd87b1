package fr.jalon.platform.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset-pagination cursor: the sort key of the last item of a page. Clients pass it
 * back unchanged; it is not a secret, only a position.
 */
public record Cursor(List<String> keys) {

    private static final String SEPARATOR = "\u001f";

    public static Cursor of(String... keys) {
        return new Cursor(List.of(keys));
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            return new Cursor(List.of(raw.split(SEPARATOR, -1)));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("Le paramètre « cursor » est invalide : reprenez la valeur « nextCursor » d'une réponse.");
        }
    }

    public String key(int index) {
        if (index >= keys.size()) {
            throw ApiProblem.badRequest("Le paramètre « cursor » est invalide : reprenez la valeur « nextCursor » d'une réponse.");
        }
        return keys.get(index);
    }
}
