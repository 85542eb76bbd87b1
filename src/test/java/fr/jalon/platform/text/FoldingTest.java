package fr.jalon.platform.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import fr.jalon.testing.TestDatabase;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FoldingTest {

    @Test
    void namesFoldWithoutAccentsCaseOrPunctuation() {
        assertEquals("saint paul les dax", Folding.fold("Saint-Paul-lès-Dax"));
        assertEquals("saint paul les dax", Folding.fold("  SAINT PAUL  LES DAX "));
        assertEquals("d artagnan", Folding.fold("D'Artagnan"));
        assertEquals("loeuillet", Folding.fold("Lœuillet"));
        assertEquals("ines", Folding.fold("Ine\u0301s"), "a combining accent typed separately");
        assertEquals("", Folding.fold(null));
        assertEquals("", Folding.fold(" -' "));
    }

    @Test
    void lettersWithStrokesFoldToTheirBaseLetter() {
        assertEquals(Folding.fold("Lukasz"), Folding.fold("Łukasz"));
        assertEquals(Folding.fold("Ose"), Folding.fold("Øse"));
        assertEquals(Folding.fold("Dorde"), Folding.fold("Đorđe"));
        assertEquals("dorde", Folding.fold("Đorđe"));
    }

    /**
     * Java and PostgreSQL's jalon_fold give the same key for every character of Latin-1
     * Supplement and Latin Extended-A and -B, alone and between two letters.
     */
    @Test
    void everyLatinCharacterFoldsAsPostgresFoldsIt() {
        var db = TestDatabase.get().database().client().execute();
        List<String> texts = new ArrayList<>();
        for (int c = 0x80; c < 0x250; c++) {
            texts.add(Character.toString(c));
            texts.add("a" + Character.toString(c) + "b");
        }
        List<String> sql = db.query("SELECT t, coalesce(jalon_fold(t), '') AS f FROM unnest(CAST(? AS text[])) "
                        + "WITH ORDINALITY AS u(t, n) ORDER BY n", (Object) texts.toArray(String[]::new))
                .map(row -> row.column("f").getString()).toList();
        assertEquals(texts.size(), sql.size());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!sql.get(i).equals(Folding.fold(texts.get(i)))) {
                differences.add(String.format("U+%04X: sql '%s', java '%s'", texts.get(i).codePointAt(texts.get(i).length() > 1 ? 1 : 0),
                        sql.get(i), Folding.fold(texts.get(i))));
            }
        }
        assertTrue(differences.isEmpty(), () -> differences.size() + " differences: " + differences);
    }

    /** Random mixes of Latin letters, marks and punctuation: the same key in Java and SQL. */
    @Test
    void randomNamesFoldAsPostgresFoldsThem() {
        var db = TestDatabase.get().database().client().execute();
        List<Character> alphabet = new ArrayList<>();
        for (char c = 0x20; c < 0x260; c++) {
            if (c < 0x7F || c >= 0xA0) {
                alphabet.add(c);
            }
        }
        "\u0301\u0327 ’–—ŀĳ".chars().forEach(c -> alphabet.add((char) c));
        Random random = new Random(42);
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = 1 + random.nextInt(12); i > 0; i--) {
                text.append(alphabet.get(random.nextInt(alphabet.size())));
            }
            texts.add(text.toString());
        }
        List<String> sql = db.query("SELECT coalesce(jalon_fold(t), '') AS f FROM unnest(CAST(? AS text[])) "
                        + "WITH ORDINALITY AS u(t, n) ORDER BY n", (Object) texts.toArray(String[]::new))
                .map(row -> row.column("f").getString()).toList();
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(sql.get(i), Folding.fold(texts.get(i)), "for " + texts.get(i));
        }
    }
}
