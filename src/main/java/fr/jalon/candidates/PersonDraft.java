package fr.jalon.candidates;

import java.time.LocalDate;
import java.util.Set;

/** A person's identity, contact and needs, checked and normalised. */
record PersonDraft(String birthName, String firstName, String usageName, Sex sex, LocalDate birthDate,
                   Birthplace birthplace, String email, String mobilePhone, PostalAddress address,
                   Set<Channel> preferredChannels, String residenceInsee, Integer extraTimePercent,
                   boolean accessibilityAdjustment, String accessibilityNeeds, String franceTravailNumber,
                   String imiloId) {

    String identityKey() {
        return PersonRules.identityKey(birthName, firstName, birthDate);
    }
}

/** A postal address for letters. */
record PostalAddress(String line1, String line2, String postalCode, String city) {
}
