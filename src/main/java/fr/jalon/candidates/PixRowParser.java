package fr.jalon.candidates;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.validation.FieldError;
import fr.jalon.territory.PlaceDirectory;

/**
 * Checks one row of a Pix import file with the same rules as the API, and names each problem by
 * its line and column header so staff can fix the file in their spreadsheet.
 */
final class PixRowParser {

    private static final Map<String, PixColumn> FIELD_COLUMNS = Map.ofEntries(
            Map.entry("birthName", PixColumn.BIRTH_NAME), Map.entry("firstName", PixColumn.FIRST_NAME),
            Map.entry("birthDate", PixColumn.BIRTH_DATE), Map.entry("sex", PixColumn.SEX),
            Map.entry("birthCountry", PixColumn.BIRTH_COUNTRY), Map.entry("birthInseeCode", PixColumn.BIRTH_INSEE),
            Map.entry("birthPostalCode", PixColumn.BIRTH_POSTAL_CODE), Map.entry("birthCity", PixColumn.BIRTH_CITY),
            Map.entry("email", PixColumn.CONVOCATION_EMAIL), Map.entry("resultRecipientEmail", PixColumn.RESULT_EMAIL),
            Map.entry("externalId", PixColumn.EXTERNAL_ID), Map.entry("extraTimePercent", PixColumn.EXTRA_TIME),
            Map.entry("billingMode", PixColumn.BILLING), Map.entry("prepaymentCode", PixColumn.PREPAYMENT_CODE));

    private final BirthplaceResolver birthplaces;
    private final LocalDate today;

    PixRowParser(PlaceDirectory places, LocalDate today) {
        this.birthplaces = new BirthplaceResolver(places);
        this.today = today;
    }

    Optional<ImportLine> parse(PixFileReader.Row row, List<FieldError> errors) {
        List<FieldError> problems = new ArrayList<>();
        ImportLine.SessionKey session = session(row, problems);
        PersonDraft person = null;
        EnrolmentTerms terms = null;
        if (row.hasCandidate()) {
            person = person(row, problems);
            terms = terms(row, person, problems);
        }
        problems.forEach(p -> errors.add(new FieldError(row.line(), header(p.field()), p.code(), p.message())));
        return problems.isEmpty() ? Optional.of(new ImportLine(row.line(), session, person, terms)) : Optional.empty();
    }

    private ImportLine.SessionKey session(PixFileReader.Row row, List<FieldError> problems) {
        Long number = null;
        String numberText = row.get(PixColumn.SESSION_NUMBER);
        if (numberText != null) {
            if (numberText.matches("\\d{1,12}")) {
                number = Long.parseLong(numberText);
            } else {
                problems.add(FieldError.of(PixColumn.SESSION_NUMBER.header(), "invalid_number",
                        "Le numéro de session « " + numberText + " » doit être un nombre."));
            }
        }
        String site = required(row, PixColumn.SITE, "Le nom du site", problems);
        String room = required(row, PixColumn.ROOM, "Le nom de la salle", problems);
        LocalDate date = parsed(row, PixColumn.DATE, PixFormats::date, "La date de début",
                "doit être une date existante au format JJ/MM/AAAA", problems);
        LocalTime time = parsed(row, PixColumn.TIME, PixFormats::time, "L'heure de début",
                "doit être une heure au format HH:MM", problems);
        return new ImportLine.SessionKey(number, site, room, date, time, row.get(PixColumn.INVIGILATORS),
                row.get(PixColumn.OBSERVATIONS));
    }

    private PersonDraft person(PixFileReader.Row row, List<FieldError> problems) {
        String birthName = PersonRules.cleanName(row.get(PixColumn.BIRTH_NAME));
        String firstName = PersonRules.cleanName(row.get(PixColumn.FIRST_NAME));
        PersonRules.checkName("birthName", "Le nom de naissance", birthName, problems);
        PersonRules.checkName("firstName", "Le prénom", firstName, problems);
        LocalDate birthDate = parsed(row, PixColumn.BIRTH_DATE, PixFormats::date, "La date de naissance",
                "doit être une date existante au format JJ/MM/AAAA", problems);
        if (birthDate != null) {
            PersonRules.checkBirthDate(birthDate, today, problems);
        }
        Sex sex = null;
        String sexText = row.get(PixColumn.SEX);
        if (sexText == null) {
            problems.add(FieldError.of("sex", "required", "Le sexe est obligatoire (M ou F)."));
        } else if (!sexText.equalsIgnoreCase("M") && !sexText.equalsIgnoreCase("F")) {
            problems.add(FieldError.of("sex", "invalid_value", "Le sexe doit valoir M ou F, pas « " + sexText + " »."));
        } else {
            sex = Sex.valueOf(sexText.toUpperCase(Locale.ROOT));
        }
        Birthplace birthplace = birthplaces.resolve(new BirthplaceInput(row.get(PixColumn.BIRTH_INSEE),
                row.get(PixColumn.BIRTH_POSTAL_CODE), row.get(PixColumn.BIRTH_CITY), row.get(PixColumn.BIRTH_COUNTRY)),
                problems).orElse(null);
        String email = PersonRules.email("email", row.get(PixColumn.CONVOCATION_EMAIL), problems);
        if (birthName == null || firstName == null || birthDate == null || sex == null || birthplace == null) {
            return null;
        }
        return new PersonDraft(birthName, firstName, null, sex, birthDate, birthplace, email, null, null,
                email == null ? EnumSet.noneOf(Channel.class) : EnumSet.of(Channel.EMAIL), null, null, false, null,
                null, null);
    }

    private EnrolmentTerms terms(PixFileReader.Row row, PersonDraft person, List<FieldError> problems) {
        BillingMode billing = null;
        String billingText = row.get(PixColumn.BILLING);
        if (billingText == null) {
            problems.add(FieldError.of("billingMode", "required", "La tarification part Pix est obligatoire."));
        } else {
            billing = BillingMode.fromLabel(billingText).orElse(null);
            if (billing == null) {
                problems.add(FieldError.of("billingMode", "invalid_value",
                        "La tarification « " + billingText + " » doit valoir Gratuite, Payante ou Prépayée."));
            }
        }
        Integer extraTime = null;
        String extraText = row.get(PixColumn.EXTRA_TIME);
        if (extraText != null) {
            extraTime = PixFormats.percent(extraText).orElse(null);
            if (extraTime == null) {
                problems.add(FieldError.of("extraTimePercent", "invalid_percent",
                        "Le temps majoré « " + extraText + " » doit s'écrire comme 33%."));
            }
        }
        Habilitation complementary = null;
        for (Map.Entry<Habilitation, String> cell : row.habilitations().entrySet()) {
            String value = cell.getValue();
            if (value == null || value.isBlank()) {
                continue;
            }
            String column = cell.getKey().label() + PixColumn.HABILITATION_SUFFIX;
            if (!value.equalsIgnoreCase("oui")) {
                problems.add(FieldError.of(column, "invalid_value", "Écrivez « oui » ou laissez la case vide, pas « " + value + " »."));
            } else if (complementary != null) {
                problems.add(FieldError.of(column, "several_complementary",
                        "Un candidat ne peut passer qu'une seule certification complémentaire."));
            } else {
                complementary = cell.getKey();
            }
        }
        String recipient = PersonRules.email("resultRecipientEmail", row.get(PixColumn.RESULT_EMAIL), problems);
        if (billing == null) {
            return null;
        }
        EnrolmentTerms terms = new EnrolmentTerms(billing, row.get(PixColumn.PREPAYMENT_CODE), complementary,
                row.get(PixColumn.EXTERNAL_ID), recipient, extraTime, false);
        EnrolmentRules.checkBilling(terms, problems);
        return terms;
    }

    private static String required(PixFileReader.Row row, PixColumn column, String label, List<FieldError> problems) {
        String value = row.get(column);
        if (value == null) {
            problems.add(FieldError.of(column.header(), "required", label + " est obligatoire."));
        }
        return value;
    }

    private static <T> T parsed(PixFileReader.Row row, PixColumn column, Function<String, Optional<T>> parser,
                                String label, String expected, List<FieldError> problems) {
        String value = row.get(column);
        if (value == null) {
            problems.add(FieldError.of(column.header(), "required", label + " est obligatoire."));
            return null;
        }
        Optional<T> result = parser.apply(value);
        if (result.isEmpty()) {
            problems.add(FieldError.of(column.header(), "invalid_value", label + " « " + value + " » " + expected + "."));
        }
        return result.orElse(null);
    }

    /** The column header of a rule's field name, so that errors point at spreadsheet columns. */
    static String header(String field) {
        PixColumn column = FIELD_COLUMNS.get(field);
        return column != null ? column.header() : field;
    }
}
