package fr.jalon.platform.text;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    /** The one-pass table must fold exactly like the normalization rule it was built from. */
    @Test
    void theFastPathAgreesWithTheRuleOnRandomText() {
        List<Character> alphabet = new java.util.ArrayList<>();
        for (char c = 0; c < 0x260; c++) {
            alphabet.add(c);
        }
        "\u0301\u0327 ’–—ŀĳ".chars().forEach(c -> alphabet.add((char) c));
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.get(random.nextInt(alphabet.size())));
            }
            assertEquals(Folding.byNormalizer(text.toString()), Folding.fold(text.toString()), () -> "for " + text);
        }
    }
}
