package fr.jalon.candidates;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import fr.jalon.platform.codes.Contact;
import fr.jalon.platform.text.Folding;
import fr.jalon.platform.validation.FieldError;

/** Rules on people's identity and contact data, free of any database or HTTP concern. */
final class PersonRules {

    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M} '’.-]*");
    private static final Pattern FRANCE_TRAVAIL = Pattern.compile("\\d{11}|\\d{7}[0-9A-Z]");
    private static final Pattern IMILO = Pattern.compile("\\d{1,20}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PersonRules() {
    }

    /** How a person is found again: folded birth name, first name and birth date. */
    static String identityKey(String birthName, String firstName, LocalDate birthDate) {
        return Folding.fold(birthName) + "|" + Folding.fold(firstName) + "|" + birthDate;
    }

    /** Trims and collapses inner spaces; the case is kept as typed. */
    static String cleanName(String name) {
        return name == null ? null : SPACES.matcher(name.strip()).replaceAll(" ");
    }

    static void checkName(String field, String label, String name, List<FieldError> errors) {
        if (name == null || name.isEmpty()) {
            errors.add(FieldError.of(field, "required", label + " est obligatoire."));
        } else if (name.length() > 100) {
            errors.add(FieldError.of(field, "too_long", label + " ne doit pas dépasser 100 caractères."));
        } else if (!NAME.matcher(name).matches()) {
            errors.add(FieldError.of(field, "invalid_name",
                    label + " ne peut contenir que des lettres, espaces, tirets et apostrophes : « " + name + " »."));
        }
    }

    static void checkBirthDate(LocalDate date, LocalDate today, List<FieldError> errors) {
        if (date == null) {
            errors.add(FieldError.of("birthDate", "required", "La date de naissance est obligatoire."));
        } else if (date.isAfter(today)) {
            errors.add(FieldError.of("birthDate", "future", "La date de naissance ne peut pas être dans le futur."));
        } else if (date.isBefore(EARLIEST_BIRTH_DATE)) {
            errors.add(FieldError.of("birthDate", "too_old", "La date de naissance doit être postérieure au 01/01/1900."));
        }
    }

    /** 11 digits, or the legacy 7 digits + 1 letter or digit; spaces removed, upper case. */
    static String franceTravailNumber(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        String number = text.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!FRANCE_TRAVAIL.matcher(number).matches()) {
            errors.add(FieldError.of("franceTravailNumber", "invalid_france_travail_number",
                    "L'identifiant France Travail doit comporter 11 chiffres (ou 7 chiffres et 1 lettre ou chiffre)."));
            return null;
        }
        return number;
    }

    static String imiloId(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        String id = text.strip();
        if (!IMILO.matcher(id).matches()) {
            errors.add(FieldError.of("imiloId", "invalid_imilo_id", "L'identifiant i-MILO ne contient que des chiffres (20 au plus)."));
            return null;
        }
        return id;
    }

    static String email(String field, String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        String email = text.strip();
        if (!Contact.isEmail(email)) {
            errors.add(FieldError.of(field, "invalid_email", "L'adresse e-mail « " + email + " » n'est pas valide."));
            return null;
        }
        return email;
    }

    /** A mobile phone in E.164; a landline is refused, since it cannot receive SMS. */
    static String mobilePhone(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        return switch (Contact.mobile(text)) {
            case Contact.Mobile.Valid valid -> valid.e164();
            case Contact.Mobile.Landline landline -> {
                errors.add(FieldError.of("mobilePhone", "landline",
                        "Le numéro « " + text + " » est un fixe : un numéro de mobile est attendu pour les SMS."));
                yield null;
            }
            case Contact.Mobile.Invalid invalid -> {
                errors.add(FieldError.of("mobilePhone", "invalid_phone", "Le numéro « " + text + " » n'est pas valide."));
                yield null;
            }
        };
    }

    /**
     * The channels asked for must be usable; with none asked, every usable one is kept, so nobody
     * ends up unreachable for lack of a tick.
     */
    static Set<Channel> channels(Set<Channel> asked, String email, String mobile, PostalAddress address,
                                 List<FieldError> errors) {
        Set<Channel> usable = EnumSet.noneOf(Channel.class);
        if (email != null) {
            usable.add(Channel.EMAIL);
        }
        if (mobile != null) {
            usable.add(Channel.SMS);
        }
        if (address != null) {
            usable.add(Channel.LETTER);
        }
        if (asked == null || asked.isEmpty()) {
            return usable;
        }
        for (Channel channel : asked) {
            if (!usable.contains(channel)) {
                errors.add(FieldError.of("preferredChannels", "unusable_channel", switch (channel) {
                    case EMAIL -> "Le canal e-mail demande une adresse e-mail.";
                    case SMS -> "Le canal SMS demande un numéro de mobile.";
                    case LETTER -> "Le canal courrier demande une adresse postale.";
                }));
            }
        }
        return EnumSet.copyOf(asked);
    }

    /** Extra time in percent, 0 to 999 (Pix stores it as a fraction below 10). */
    static void checkExtraTime(Integer percent, List<FieldError> errors) {
        if (percent != null && (percent < 0 || percent > 999)) {
            errors.add(FieldError.of("extraTimePercent", "out_of_range", "Le temps majoré doit être compris entre 0 % et 999 %."));
        }
    }
}
