package fr.jalon.platform.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The folded form of a name: no accents, lower case, every run of other characters (hyphens,
 * apostrophes, spaces) as one space. "Saint-Paul-lès-Dax" and "SAINT PAUL LES DAX" fold alike.
 *
 * <p>Exactly the rule of the SQL function {@code jalon_fold}: PostgreSQL's {@code unaccent}
 * (its {@code unaccent.rules}, shipped here as a resource from PostgreSQL 18, PostgreSQL
 * Licence), then lower case, then every run of characters other than {@code a-z0-9} as one
 * space, trimmed. So {@code Łukasz} and {@code Lukasz}, {@code Øse} and {@code Ose},
 * {@code Đorđe} and {@code Dorde} fold alike in Java and in SQL, and an identity key computed
 * here finds the person a search in SQL finds.
 */
public final class Folding {

    /** Below this code point (Latin-1 Supplement, Latin Extended-A and -B) each character is read from a table. */
    private static final int TABLE_END = 0x250;
    /** What unaccent makes of each character (its own text when it has no rule), lower-cased. */
    private static final String[] LATIN = new String[TABLE_END];
    private static final Map<Integer, String> RULES = rules();

    static {
        for (int c = 0; c < TABLE_END; c++) {
            LATIN[c] = unaccentLower(c);
        }
    }

    private Folding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder folded = new StringBuilder(text.length());
        boolean separator = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String part = cp < TABLE_END ? LATIN[cp] : unaccentLower(cp);
            for (int j = 0; j < part.length(); j++) {
                char c = part.charAt(j);
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    if (separator && !folded.isEmpty()) {
                        folded.append(' ');
                    }
                    separator = false;
                    folded.append(c);
                } else {
                    separator = true;
                }
            }
        }
        return folded.toString();
    }

    private static String unaccentLower(int cp) {
        String mapped = RULES.get(cp);
        return mapped != null ? mapped.toLowerCase(Locale.ROOT) : Character.toString(Character.toLowerCase(cp));
    }

    /**
     * unaccent.rules: a character, then a tab and its replacement (nothing: the character is
     * dropped; a replacement in double quotes keeps its spaces).
     */
    private static Map<Integer, String> rules() {
        Map<Integer, String> rules = new HashMap<>(4096);
        try (InputStream in = Folding.class.getResourceAsStream("unaccent.rules")) {
            if (in == null) {
                throw new IllegalStateException("unaccent.rules is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String source = tab < 0 ? line.strip() : line.substring(0, tab);
                String target = tab < 0 ? "" : line.substring(tab + 1).strip();
                if (target.length() >= 2 && target.startsWith("\"") && target.endsWith("\"")) {
                    // A quoted replacement (« " 1/2" »), where "" stands for a quote.
                    target = target.substring(1, target.length() - 1).replace("\"\"", "\"");
                }
                if (source.codePointCount(0, source.length()) == 1) {
                    rules.put(source.codePointAt(0), target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(rules);
    }
}
