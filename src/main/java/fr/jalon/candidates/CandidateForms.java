package fr.jalon.candidates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.http.JsonInput;
import fr.jalon.platform.validation.FieldError;
import fr.jalon.territory.PlaceDirectory;

/** Reads people and enrolment terms from JSON bodies, with every problem reported at once. */
final class CandidateForms {

    private CandidateForms() {
    }

    static Optional<PersonDraft> person(JsonInput in, PlaceDirectory places, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String birthName = PersonRules.cleanName(in.text("birthName", 100).orElse(null));
        String firstName = PersonRules.cleanName(in.text("firstName", 100).orElse(null));
        String usageName = PersonRules.cleanName(in.text("usageName", 100).orElse(null));
        PersonRules.checkName("birthName", "Le nom de naissance", birthName, errors);
        PersonRules.checkName("firstName", "Le prénom", firstName, errors);
        if (usageName != null) {
            PersonRules.checkName("usageName", "Le nom d'usage", usageName, errors);
        }
        Sex sex = in.required("sex", in.enumValue("sex", Sex.class)).orElse(null);
        LocalDate birthDate = in.required("birthDate", in.date("birthDate")).orElse(null);
        if (birthDate != null) {
            PersonRules.checkBirthDate(birthDate, today, errors);
        }
        Birthplace birthplace = in.required("birthplace", in.object("birthplace")).flatMap(place -> {
            BirthplaceInput input = new BirthplaceInput(place.text("inseeCode", 5).orElse(null),
                    place.text("postalCode", 5).orElse(null), place.text("city", 100).orElse(null),
                    place.text("country", 100).orElse("France"));
            return new BirthplaceResolver(places).resolve(input, errors);
        }).orElse(null);
        String email = PersonRules.email("email", in.text("email", 254).orElse(null), errors);
        String mobile = PersonRules.mobilePhone(in.text("mobilePhone", 30).orElse(null), errors);
        PostalAddress address = in.object("address").map(a -> {
            String line1 = a.requiredText("line1", 200);
            String line2 = a.text("line2", 200).orElse(null);
            String postalCode = a.requiredText("postalCode", 5);
            String city = a.requiredText("city", 100);
            if (postalCode != null && !postalCode.matches("\\d{5}")) {
                a.error("postalCode", "invalid_postal_code", "doit comporter 5 chiffres");
            }
            return new PostalAddress(line1, line2, postalCode, city);
        }).orElse(null);
        Set<Channel> channels = PersonRules.channels(in.enumSet("preferredChannels", Channel.class, 3), email, mobile,
                address, errors);
        String residence = in.text("residenceInsee", 5).orElse(null);
        if (residence != null && places.communeByCode(residence).isEmpty()) {
            errors.add(FieldError.of("residenceInsee", "unknown_commune",
                    "Le code INSEE de résidence « " + residence + " » ne correspond à aucune commune."));
        }
        Integer extraTime = null;
        boolean adjustment = false;
        String needs = null;
        Optional<JsonInput> accessibility = in.object("accessibility");
        if (accessibility.isPresent()) {
            extraTime = accessibility.get().integer("extraTimePercent", 0, 999).orElse(null);
            adjustment = accessibility.get().bool("adjustment").orElse(false);
            needs = accessibility.get().text("needs", 1000).orElse(null);
        }
        String franceTravail = PersonRules.franceTravailNumber(in.text("franceTravailNumber", 20).orElse(null), errors);
        String imilo = PersonRules.imiloId(in.text("imiloId", 20).orElse(null), errors);
        errors.forEach(e -> in.ruleError(e.field(), e.code(), e.message()));
        if (in.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new PersonDraft(birthName, firstName, usageName, sex, birthDate, birthplace, email, mobile,
                address, channels, residence, extraTime, adjustment, needs, franceTravail, imilo));
    }

    static EnrolmentTerms terms(JsonInput in, Integer defaultExtraTime, boolean defaultAdjustment) {
        BillingMode billing = in.required("billingMode", in.enumValue("billingMode", BillingMode.class)).orElse(null);
        String prepayment = in.text("prepaymentCode", 60).orElse(null);
        Habilitation complementary = in.enumValue("complementaryCertification", Habilitation.class).orElse(null);
        String externalId = in.text("externalId", 255).orElse(null);
        List<FieldError> errors = new ArrayList<>();
        String recipient = PersonRules.email("resultRecipientEmail", in.text("resultRecipientEmail", 254).orElse(null),
                errors);
        Integer extraTime = in.integer("extraTimePercent", 0, 999).orElse(defaultExtraTime);
        boolean adjustment = in.bool("accessibilityAdjustment").orElse(defaultAdjustment);
        EnrolmentTerms terms = new EnrolmentTerms(billing, prepayment, complementary, externalId, recipient, extraTime,
                adjustment);
        if (billing != null) {
            EnrolmentRules.checkBilling(terms, errors);
        }
        errors.forEach(e -> in.ruleError(e.field(), e.code(), e.message()));
        return terms;
    }
}
