package fr.jalon.platform.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The folded form of a name: no accents, lower case, every run of other characters (hyphens,
 * apostrophes, spaces) as one space. "Saint-Paul-lès-Dax" and "SAINT PAUL LES DAX" fold alike.
 * Same rule as the SQL function {@code jalon_fold}.
 */
public final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    /** Below this code point each character folds on its own, read from {@link #LATIN}. */
    private static final int TABLE_END = 0x250;
    /** The fold of each Latin character ("" for a separator), computed once by the full rule. */
    private static final String[] LATIN = new String[TABLE_END];

    static {
        for (char c = 0; c < TABLE_END; c++) {
            LATIN[c] = byNormalizer(String.valueOf(c));
        }
    }

    private Folding() {
    }

    /**
     * Names of the Latin alphabets (nearly all of them) go through a table in one pass; anything
     * else, such as combining marks typed separately, through Unicode normalization.
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder folded = new StringBuilder(text.length());
        boolean separator = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= TABLE_END) {
                return byNormalizer(text);
            }
            String part = LATIN[c];
            if (part.isEmpty()) {
                separator = true;
                continue;
            }
            if (separator && !folded.isEmpty()) {
                folded.append(' ');
            }
            separator = false;
            folded.append(part);
        }
        return folded.toString();
    }

    /** The rule itself: ligatures spelled out, accents dropped, lower case, separators merged. */
    static String byNormalizer(String text) {
        String decomposed = Normalizer.normalize(text.replace("œ", "oe").replace("Œ", "OE")
                .replace("æ", "ae").replace("Æ", "AE").replace("ß", "ss"), Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(plain).replaceAll(" ").strip();
    }
}
