package fr.jalon.platform.codes;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactTest {

    @Test
    void normalisesFrenchNumbersToE164() {
        assertEquals(Optional.of("+33558464040"), Contact.phoneE164("05 58 46 40 40"));
        assertEquals(Optional.of("+33612345678"), Contact.phoneE164("+33 6 12 34 56 78"));
    }

    @Test
    void rejectsImpossibleNumbers() {
        assertEquals(Optional.empty(), Contact.phoneE164("12"));
        assertEquals(Optional.empty(), Contact.phoneE164("téléphone"));
    }

    @Test
    void checksEmailShape() {
        assertTrue(Contact.isEmail("centre@example.org"));
        assertFalse(Contact.isEmail("centre@example"));
        assertFalse(Contact.isEmail("centre example.org"));
        assertFalse(Contact.isEmail("a@b@example.org"));
    }
}
