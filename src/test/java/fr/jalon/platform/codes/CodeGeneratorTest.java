package fr.jalon.platform.codes;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeGeneratorTest {

    private final CodeGenerator codes = new CodeGenerator();

    @RepeatedTest(50)
    void sessionAccessCodeIsFourLettersThenTwoDigitsFromTheDesignAlphabets() {
        assertTrue(codes.sessionAccessCode().matches("[BCDFGHJKMPQRTVWXY]{4}[2346789]{2}"));
    }

    @RepeatedTest(50)
    void invigilatorPasswordHasSixDistinctCharacters() {
        String password = codes.invigilatorPassword();
        assertEquals(6, password.length());
        assertEquals(6, password.chars().distinct().count());
        assertTrue(password.chars().allMatch(c -> CodeGenerator.INVIGILATOR_ALPHABET.indexOf(c) >= 0));
        assertEquals("C-" + password, CodeGenerator.printedInvigilatorPassword(password));
    }

    @RepeatedTest(50)
    void verificationCodeIsPrefixedAndHasEightDistinctCharacters() {
        String code = codes.verificationCode();
        assertTrue(code.matches("P-[2346789BCDFGHJKMPQRTVWXY]{8}"), code);
        assertEquals(8, code.substring(2).chars().distinct().count());
    }

    @RepeatedTest(50)
    void campaignCodeIsSixLettersThenThreeDigits() {
        assertTrue(codes.campaignCode().matches("[ABCDEFGHJKMNPQRSTUVWXYZ]{6}[23456789]{3}"));
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
