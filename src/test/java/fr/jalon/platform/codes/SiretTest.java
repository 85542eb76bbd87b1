package fr.jalon.platform.codes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiretTest {

    @ParameterizedTest
    @ValueSource(strings = {"73282932000074", "35600000000048", "22004000000006"})
    void acceptsValidSirets(String siret) {
        assertTrue(Siret.isValidSiret(siret));
    }

    @ParameterizedTest
    @ValueSource(strings = {"73282932000075", "7328293200007", "732829320000741", "7328293200007A", "", "12345678901234"})
    void rejectsWrongKeysLengthsAndCharacters(String siret) {
        assertFalse(Siret.isValidSiret(siret));
    }

    @Test
    void laPosteEstablishmentsFollowTheSumOfDigitsRule() {
        assertTrue(Siret.isValidSiret("35600000049837"), "digit sum 45");
        assertFalse(Siret.isValidSiret("35600000049838"), "digit sum 46");
        assertTrue(Siret.isValidSiren("356000000"));
    }

    @Test
    void sirenHasItsOwnKey() {
        assertTrue(Siret.isValidSiren("732829320"));
        assertFalse(Siret.isValidSiren("732829321"));
        assertFalse(Siret.isValidSiren(null));
    }

    @Test
    void normalizeStripsWhatPeopleType() {
        assertEquals("73282932000074", Siret.normalize("732 829 320 00074"));
        assertEquals("73282932000074", Siret.normalize("732.829.320.00074"));
    }
}
