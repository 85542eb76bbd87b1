package fr.jalon.candidates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fr.jalon.platform.validation.FieldError;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonRulesTest {

    private final List<FieldError> errors = new ArrayList<>();

    @Test
    void identityFoldsAccentsCaseHyphensAndSpaces() {
        LocalDate born = LocalDate.of(1988, 2, 29);
        String key = PersonRules.identityKey("Dupont-Lajoie", "Élodie", born);
        assertEquals(key, PersonRules.identityKey("DUPONT LAJOIE", "elodie", born));
        assertEquals(key, PersonRules.identityKey("  dupont   lajoie ", "ÉLODIE", born));
        assertEquals(PersonRules.identityKey("Lœuillet", "Anaïs", born), PersonRules.identityKey("LOEUILLET", "Anais", born));
        assertNotEquals(key, PersonRules.identityKey("Dupont-Lajoie", "Élodie", born.plusDays(1)));
    }

    @Test
    void namesAreLettersHyphensApostrophesAndSpaces() {
        PersonRules.checkName("birthName", "Le nom", "D'Artagnan-Lœuillet", errors);
        PersonRules.checkName("birthName", "Le nom", "N’Diaye", errors);
        assertTrue(errors.isEmpty());
        PersonRules.checkName("birthName", "Le nom", "R2D2", errors);
        PersonRules.checkName("birthName", "Le nom", "", errors);
        assertEquals(List.of("invalid_name", "required"), errors.stream().map(FieldError::code).toList());
    }

    @Test
    void birthDatesRunFrom1900ToToday() {
        LocalDate today = LocalDate.of(2026, 11, 22);
        PersonRules.checkBirthDate(LocalDate.of(1900, 1, 1), today, errors);
        PersonRules.checkBirthDate(today, today, errors);
        assertTrue(errors.isEmpty());
        PersonRules.checkBirthDate(LocalDate.of(1899, 12, 31), today, errors);
        PersonRules.checkBirthDate(today.plusDays(1), today, errors);
        assertEquals(List.of("too_old", "future"), errors.stream().map(FieldError::code).toList());
    }

    @Test
    void franceTravailNumbersAreElevenDigitsOrTheLegacyForm() {
        assertEquals("12345678901", PersonRules.franceTravailNumber("123 456 789 01", errors));
        assertEquals("1234567A", PersonRules.franceTravailNumber("1234567a", errors));
        assertEquals("12345678", PersonRules.franceTravailNumber("12345678", errors));
        assertTrue(errors.isEmpty());
        assertNull(PersonRules.franceTravailNumber("1234567890", errors));
        assertNull(PersonRules.franceTravailNumber("ABCDEFGH", errors));
        assertEquals(2, errors.size());
    }

    @Test
    void aMobileIsNormalisedAndALandlineRefused() {
        assertEquals("+33612345678", PersonRules.mobilePhone("06 12 34 56 78", errors));
        assertEquals("+33781234567", PersonRules.mobilePhone("+33 7 81 23 45 67", errors));
        assertTrue(errors.isEmpty());
        assertNull(PersonRules.mobilePhone("05 58 46 40 40", errors));
        assertNull(PersonRules.mobilePhone("123", errors));
        assertEquals(List.of("landline", "invalid_phone"), errors.stream().map(FieldError::code).toList());
    }

    @Test
    void channelsDefaultToEveryUsableOneAndMustBeUsable() {
        PostalAddress address = new PostalAddress("1 rue Gambetta", null, "40000", "Mont-de-Marsan");
        assertEquals(EnumSet.of(Channel.SMS, Channel.LETTER), PersonRules.channels(Set.of(), null, "+33612345678", address, errors));
        assertEquals(EnumSet.noneOf(Channel.class), PersonRules.channels(null, null, null, null, errors));
        assertTrue(errors.isEmpty());
        PersonRules.channels(EnumSet.of(Channel.EMAIL), null, "+33612345678", null, errors);
        assertEquals("unusable_channel", errors.getFirst().code());
    }
}
