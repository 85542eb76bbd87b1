package fr.jalon.platform.db;

import java.util.Collection;

/**
 * Collections as SQL array parameters: a {@code String[]} that the driver sends as an array and
 * the statement casts ({@code CAST(? AS uuid[])}, {@code CAST(? AS text[])}); no hand-made
 * literal, so no quoting to get wrong.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** Each value's text (null stays null); null for a null collection (an absent filter). */
    public static String[] of(Collection<?> values) {
        return values == null ? null : values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }
}
