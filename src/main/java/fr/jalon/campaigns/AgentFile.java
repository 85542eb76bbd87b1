package fr.jalon.campaigns;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.jalon.platform.codes.Contact;
import fr.jalon.platform.csv.SemicolonCsv;
import fr.jalon.platform.http.ProblemList;
import fr.jalon.platform.text.Folding;
import fr.jalon.platform.validation.FieldError;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The agent directory file HR export from their HR software: {@code ;}-separated, UTF-8 with or
 * without BOM, columns found by header name in any order. Required: « Matricule », « Nom de
 * naissance », « Prénom », « Date de naissance (JJ/MM/AAAA) ». Optional: « E-mail professionnel »,
 * « Service » (« Direction / Service / Unité »), and what certification will need: « Sexe (M ou
 * F) », « Code INSEE de la commune de naissance », « Pays de naissance », « Commune de résidence
 * (code INSEE) ». Every problem is reported with its line and column.
 */
final class AgentFile {

    /** The most agents one file may hold. */
    static final int MAX_LINES = 50_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    enum Column {
        EMPLOYEE_NUMBER("Matricule", true),
        BIRTH_NAME("Nom de naissance", true),
        FIRST_NAME("Prénom", true),
        BIRTH_DATE("Date de naissance (JJ/MM/AAAA)", true),
        EMAIL("E-mail professionnel", false),
        SERVICE("Service", false),
        SEX("Sexe (M ou F)", false),
        BIRTH_INSEE("Code INSEE de la commune de naissance", false),
        BIRTH_COUNTRY("Pays de naissance", false),
        RESIDENCE("Commune de résidence (code INSEE)", false);

        final String header;
        final boolean required;

        Column(String header, boolean required) {
            this.header = header;
            this.required = required;
        }

        /** A header matches when its folded text starts with the folded name (« Prénom » = « prenom de l'agent »). */
        boolean matches(String header) {
            String folded = Folding.fold(header);
            String name = Folding.fold(this.header.replaceAll("\\(.*\\)", ""));
            return folded.equals(name) || folded.startsWith(name + " ");
        }
    }

    record Content(List<AgentLine> lines, List<FieldError> errors) {
    }

    private AgentFile() {
    }

    static Content read(byte[] file, LocalDate today) {
        List<FieldError> errors = new ProblemList();
        SemicolonCsv.Parsed parsed = SemicolonCsv.read(file, MAX_LINES);
        errors.addAll(parsed.errors());
        if (parsed.records().isEmpty()) {
            return new Content(List.of(), errors);
        }
        Map<Column, Integer> columns = columns(parsed.records().getFirst(), errors);
        if (!errors.isEmpty()) {
            return new Content(List.of(), errors);
        }
        int width = parsed.records().getFirst().getFieldCount();
        List<AgentLine> lines = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        Map<String, Integer> identities = new HashMap<>();
        for (CsvRecord record : parsed.records().subList(1, parsed.records().size())) {
            SemicolonCsv.Shape shape = SemicolonCsv.check(record, width, errors);
            if (shape == SemicolonCsv.Shape.STOP) {
                break;
            }
            if (shape == SemicolonCsv.Shape.READ) {
                line(record, columns, today, errors).ifPresent(agent -> {
                    Integer first = numbers.putIfAbsent(agent.employeeNumber(), agent.line());
                    if (first != null) {
                        errors.add(new FieldError(agent.line(), Column.EMPLOYEE_NUMBER.header, "duplicate_employee_number",
                                "Le matricule « " + FieldError.echo(agent.employeeNumber()) + " » figure déjà ligne " + first + "."));
                    }
                    Integer same = identities.putIfAbsent(agent.identityKey(), agent.line());
                    if (same != null && first == null) {
                        errors.add(new FieldError(agent.line(), Column.BIRTH_NAME.header, "duplicate_agent",
                                "Un agent de mêmes nom, prénom et date de naissance figure déjà ligne " + same + "."));
                    }
                    lines.add(agent);
                });
            }
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError(null, "(fichier)", "empty", "Le fichier ne contient aucun agent."));
        }
        return new Content(lines, errors);
    }

    private static Map<Column, Integer> columns(CsvRecord header, List<FieldError> errors) {
        Map<Column, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            String name = header.getField(i).strip();
            for (Column column : Column.values()) {
                if (column.matches(name)) {
                    if (found.putIfAbsent(column, i) != null) {
                        errors.add(new FieldError(1, column.header, "duplicate_column",
                                "La colonne « " + column.header + " » apparaît deux fois."));
                    }
                    break;
                }
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !found.containsKey(column)) {
                errors.add(new FieldError(1, column.header, "missing_column",
                        "La colonne « " + column.header + " » est obligatoire."));
            }
        }
        return found;
    }

    private static Optional<AgentLine> line(CsvRecord record, Map<Column, Integer> columns, LocalDate today,
                                            List<FieldError> errors) {
        int line = (int) record.getStartingLineNumber();
        int before = errors.size();
        String number = required(record, columns, Column.EMPLOYEE_NUMBER, line, errors, 30);
        if (number != null && !AgentRules.isEmployeeNumber(number)) {
            errors.add(new FieldError(line, Column.EMPLOYEE_NUMBER.header, "invalid_employee_number",
                    "Un matricule compte 1 à 30 lettres, chiffres ou « - _ . / »."));
        }
        String birthName = required(record, columns, Column.BIRTH_NAME, line, errors, 100);
        String firstName = required(record, columns, Column.FIRST_NAME, line, errors, 100);
        String dateText = required(record, columns, Column.BIRTH_DATE, line, errors, 10);
        LocalDate birthDate = null;
        if (dateText != null) {
            try {
                birthDate = LocalDate.parse(dateText, DAY);
                if (!AgentRules.plausibleBirthDate(birthDate, today)) {
                    errors.add(new FieldError(line, Column.BIRTH_DATE.header, "implausible_birth_date",
                            "Un agent a entre 16 et 75 ans : vérifiez la date « " + dateText + " »."));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(line, Column.BIRTH_DATE.header, "invalid_date",
                        "« " + FieldError.echo(dateText) + " » n'est pas une date au format JJ/MM/AAAA."));
            }
        }
        String email = optional(record, columns, Column.EMAIL, line, errors, 254);
        if (email != null && !Contact.isEmail(email)) {
            errors.add(new FieldError(line, Column.EMAIL.header, "invalid_email", "« " + FieldError.echo(email)
                    + " » n'est pas une adresse e-mail valide."));
        }
        String service = optional(record, columns, Column.SERVICE, line, errors, 400);
        if (service != null) {
            List<String> names = AuthorityForms.split(service);
            if (names.size() > AuthorityForms.MAX_DEPTH || names.stream().anyMatch(String::isEmpty)) {
                errors.add(new FieldError(line, Column.SERVICE.header, "invalid_service",
                        "Un service s'écrit « Direction / Service / Unité » (3 niveaux au plus)."));
            } else {
                service = String.join(ServiceNode.SEPARATOR, names);
            }
        }
        String sex = optional(record, columns, Column.SEX, line, errors, 1);
        if (sex != null && !sex.matches("[MF]")) {
            errors.add(new FieldError(line, Column.SEX.header, "invalid_value", "Écrivez M ou F."));
        }
        String birthInsee = insee(record, columns, Column.BIRTH_INSEE, line, errors);
        String residence = insee(record, columns, Column.RESIDENCE, line, errors);
        String country = optional(record, columns, Column.BIRTH_COUNTRY, line, errors, 100);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new AgentLine(line, number, birthName.strip(), firstName.strip(), birthDate, email, service, sex,
                birthInsee, country, residence));
    }

    private static String insee(CsvRecord record, Map<Column, Integer> columns, Column column, int line,
                                List<FieldError> errors) {
        String code = optional(record, columns, column, line, errors, 5);
        if (code != null && !code.matches("\\d[0-9AB]\\d{3}")) {
            errors.add(new FieldError(line, column.header, "invalid_insee", "Un code INSEE de commune compte 5 caractères."));
        }
        return code;
    }

    private static String required(CsvRecord record, Map<Column, Integer> columns, Column column, int line,
                                   List<FieldError> errors, int max) {
        String value = optional(record, columns, column, line, errors, max);
        if (value == null) {
            errors.add(new FieldError(line, column.header, "required", "Cette case est obligatoire."));
        }
        return value;
    }

    private static String optional(CsvRecord record, Map<Column, Integer> columns, Column column, int line,
                                   List<FieldError> errors, int max) {
        Integer index = columns.get(column);
        if (index == null) {
            return null;
        }
        String value = record.getField(index).strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(line, column.header, "too_long", "Cette case dépasse " + max + " caractères."));
            return null;
        }
        return value;
    }
}
