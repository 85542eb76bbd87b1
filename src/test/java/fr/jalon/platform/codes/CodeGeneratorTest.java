package fr.jalon.platform.codes;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeGeneratorTest {

    /** Draws per format check: one test each, a seeded generator, so a failure names a reproducible draw. */
    private static final int DRAWS = 1_000;

    private final CodeGenerator codes = new CodeGenerator(new Random(20261203));

    @Test
    void sessionAccessCodeIsFourLettersThenTwoDigitsFromTheDesignAlphabets() {
        for (int i = 0; i < DRAWS; i++) {
            String code = codes.sessionAccessCode();
            assertTrue(code.matches("[BCDFGHJKMPQRTVWXY]{4}[2346789]{2}"), "draw " + i + ": " + code);
        }
    }

    @Test
    void invigilatorPasswordHasSixDistinctCharacters() {
        for (int i = 0; i < DRAWS; i++) {
            String password = codes.invigilatorPassword();
            assertEquals(6, password.length(), "draw " + i);
            assertEquals(6, password.chars().distinct().count(), "draw " + i + ": " + password);
            assertTrue(password.chars().allMatch(c -> CodeGenerator.INVIGILATOR_ALPHABET.indexOf(c) >= 0), password);
            assertEquals("C-" + password, CodeGenerator.printedInvigilatorPassword(password));
        }
    }

    @Test
    void verificationCodeIsPrefixedAndHasTenDistinctCharacters() {
        for (int i = 0; i < DRAWS; i++) {
            String code = codes.verificationCode();
            assertTrue(code.matches("P-[2346789BCDFGHJKMPQRTVWXY]{10}"), "draw " + i + ": " + code);
            assertEquals(10, code.substring(2).chars().distinct().count(), code);
        }
    }

    @Test
    void campaignCodeIsSixLettersThenThreeDigits() {
        for (int i = 0; i < DRAWS; i++) {
            String code = codes.campaignCode();
            assertTrue(code.matches("[ABCDEFGHJKMNPQRSTUVWXYZ]{6}[23456789]{3}"), "draw " + i + ": " + code);
        }
    }

    @Test
    void accessCodesSpreadOverTheirSpace() {
        CodeGenerator seeded = new CodeGenerator(new Random(42));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(seeded.sessionAccessCode());
        }
        assertTrue(seen.size() > 990, "1000 draws among 4 million codes should rarely collide: " + seen.size());
    }
}
