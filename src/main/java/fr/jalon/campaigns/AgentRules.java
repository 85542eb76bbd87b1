package fr.jalon.campaigns;

import java.time.LocalDate;

import fr.jalon.platform.text.Folding;

/** How agents are told apart: the identity rule of candidates (folded names and birth date). */
final class AgentRules {

    private AgentRules() {
    }

    static String identityKey(String birthName, String firstName, LocalDate birthDate) {
        return Folding.fold(birthName) + "|" + Folding.fold(firstName) + "|" + birthDate;
    }

    /** An employee number: 1 to 30 letters, digits, and « - _ . / ». */
    static boolean isEmployeeNumber(String value) {
        return value.matches("[A-Za-z0-9][A-Za-z0-9._/-]{0,29}");
    }

    /** An agent of working age on {@code today}: 16 to 75 years old. */
    static boolean plausibleBirthDate(LocalDate birthDate, LocalDate today) {
        return !birthDate.isAfter(today.minusYears(16)) && birthDate.isAfter(today.minusYears(76));
    }
}
