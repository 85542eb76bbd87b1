package fr.jalon.candidates;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.validation.FieldError;

/** Pix's enrolment rules: billing, prepayment code, one complementary certification the centre holds. */
final class EnrolmentRules {

    private static final Pattern PREPAYMENT_CODE = Pattern.compile("[A-Za-z0-9/_.-]{1,60}");

    private EnrolmentRules() {
    }

    static void check(EnrolmentTerms terms, Set<Habilitation> centerHabilitations, List<FieldError> errors) {
        checkBilling(terms, errors);
        checkHabilitation(terms, centerHabilitations, errors);
    }

    /** The one rule that needs the centre: it must hold the complementary certification asked for. */
    static void checkHabilitation(EnrolmentTerms terms, Set<Habilitation> centerHabilitations, List<FieldError> errors) {
        Habilitation complementary = terms.complementaryCertification();
        if (complementary != null && !centerHabilitations.contains(complementary)) {
            errors.add(FieldError.of("complementaryCertification", "not_habilitated",
                    "Le centre n'est pas habilité pour la certification complémentaire « " + complementary.label() + " »."));
        }
    }

    /** The rules that need no centre: billing and prepayment, identifiers, extra time. */
    static void checkBilling(EnrolmentTerms terms, List<FieldError> errors) {
        if (terms.billingMode() == null) {
            errors.add(FieldError.of("billingMode", "required", "La tarification part Pix est obligatoire."));
        } else if (terms.billingMode() == BillingMode.PREPAID) {
            if (terms.prepaymentCode() == null) {
                errors.add(FieldError.of("prepaymentCode", "required",
                        "Le code de prépaiement est obligatoire pour une tarification « Prépayée »."));
            } else if (!PREPAYMENT_CODE.matcher(terms.prepaymentCode()).matches()) {
                errors.add(FieldError.of("prepaymentCode", "invalid_prepayment_code",
                        "Le code de prépaiement « " + terms.prepaymentCode() + " » est mal formé."));
            }
        } else if (terms.prepaymentCode() != null) {
            errors.add(FieldError.of("prepaymentCode", "unexpected",
                    "Un code de prépaiement n'est accepté qu'avec la tarification « Prépayée »."));
        }
        if (terms.externalId() != null && terms.externalId().length() > 255) {
            errors.add(FieldError.of("externalId", "too_long", "L'identifiant externe ne doit pas dépasser 255 caractères."));
        }
        PersonRules.checkExtraTime(terms.extraTimePercent(), errors);
    }

    /** Nobody enrols in a session that has started, been finalised or cancelled. */
    static boolean sessionOpen(boolean scheduled, Instant startsAt, Instant now) {
        return scheduled && now.isBefore(startsAt);
    }
}
