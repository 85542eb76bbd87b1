package fr.jalon.results;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.jalon.platform.csv.SemicolonCsv;
import fr.jalon.platform.http.ProblemList;
import fr.jalon.platform.validation.FieldError;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Reads Pix Certif's session results export in every variant (DESIGN.md): legacy « Nombre de
 * Pix », 2026 « Type de certification », « Score en pix », « Niveau », with or without
 * complementary certification columns. Columns are found by header name, never by position; an
 * unknown header is an error (a file from elsewhere). Each value is checked and every problem is
 * reported with its line.
 */
final class PixResultsFile {

    private static final String COMPLEMENTARY_PREFIX = "certification ";
    private static final int MAX_COMMENT = 2_000;

    /** The columns every variant has, by their folded header; the score has two names. */
    enum Column {
        NUMBER(true, "numéro de certification"), FIRST_NAME(true, "prénom"), LAST_NAME(true, "nom"),
        BIRTH_DATE(true, "date de naissance"), BIRTH_PLACE(false, "lieu de naissance"),
        EXTERNAL_ID(false, "identifiant externe"), TYPE(false, "type de certification"), STATUS(true, "statut"),
        SCORE(true, "nombre de pix", "score en pix"), LEVEL(false, "niveau"),
        JURY_COMMENT(false, "commentaire jury pour l'organisation"), SESSION(true, "session"),
        CENTRE(false, "centre de certification"), TAKEN_ON(false, "date de passage de la certification");

        private final boolean required;
        private final List<String> headers;

        Column(boolean required, String... headers) {
            this.required = required;
            this.headers = List.of(headers);
        }
    }

    /** One checked row; {@code levels} has 16 entries, null where Pix wrote '-'. */
    record Row(int line, String certificationNumber, String firstName, String lastName, LocalDate birthDate,
               String birthPlace, String externalId, String certificationType, ResultStatus status, Integer score,
               List<Integer> levels, List<CertificationResult.Complementary> complementary, String juryComment, long sessionNumber,
               LocalDate takenOn) {
    }

    record Content(List<Row> rows, List<FieldError> errors) {
    }

    private PixResultsFile() {
    }

    /** Result lines of one file at most (a centre's year; the 32 MiB body limit comes first anyway). */
    static final int MAX_LINES = 150_000;

    static Content read(byte[] bytes) {
        SemicolonCsv.Parsed parsed = SemicolonCsv.read(bytes, MAX_LINES);
        if (!parsed.errors().isEmpty()) {
            return new Content(List.of(), parsed.errors());
        }
        List<FieldError> errors = new ProblemList();
        CsvRecord header = parsed.records().getFirst();
        Map<Column, Integer> columns = new HashMap<>();
        Map<String, Integer> competences = new HashMap<>();
        Map<String, Integer> complementary = new LinkedHashMap<>();
        readHeaders(header, columns, competences, complementary, errors);
        if (!errors.isEmpty()) {
            return new Content(List.of(), errors);
        }
        List<Row> rows = new ArrayList<>();
        for (CsvRecord record : parsed.records().subList(1, parsed.records().size())) {
            SemicolonCsv.Shape shape = SemicolonCsv.check(record, header.getFieldCount(), errors);
            if (shape == SemicolonCsv.Shape.STOP) {
                break;
            }
            if (shape == SemicolonCsv.Shape.SKIP) {
                continue;
            }
            int line = (int) record.getStartingLineNumber();
            new RowReader(line, record, columns, errors).read(competences, complementary).ifPresent(rows::add);
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError(null, "(fichier)", "empty", "Le fichier ne contient aucun résultat après l'en-tête."));
        }
        return new Content(rows, errors);
    }

    private static void readHeaders(CsvRecord header, Map<Column, Integer> columns, Map<String, Integer> competences,
                                    Map<String, Integer> complementary, List<FieldError> errors) {
        for (int i = 0; i < header.getFieldCount(); i++) {
            String raw = header.getField(i).strip();
            String name = raw.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            Optional<Column> column = Arrays.stream(Column.values()).filter(c -> c.headers.contains(name)).findFirst();
            boolean known = true;
            if (column.isPresent()) {
                known = columns.putIfAbsent(column.get(), i) == null;
            } else if (Competences.CODES.contains(name)) {
                known = competences.putIfAbsent(name, i) == null;
            } else if (name.startsWith(COMPLEMENTARY_PREFIX) && name.length() > COMPLEMENTARY_PREFIX.length()) {
                known = complementary.putIfAbsent(raw.substring(COMPLEMENTARY_PREFIX.length()).strip(), i) == null;
            } else if (!name.isEmpty()) {
                errors.add(new FieldError(1, raw, "unknown_column", "Colonne inconnue « " + raw
                        + " » : ce fichier n'est pas l'export des résultats de session de Pix Certif."));
                continue;
            }
            if (!known) {
                errors.add(new FieldError(1, raw, "duplicate_column", "La colonne « " + raw + " » apparaît deux fois."));
            }
        }
        for (Column c : Column.values()) {
            if (c.required && !columns.containsKey(c)) {
                errors.add(new FieldError(1, c.headers.getFirst(), "missing_column", "Colonne obligatoire absente : « "
                        + String.join(" » ou « ", c.headers) + " »."));
            }
        }
        for (String code : Competences.CODES) {
            if (!competences.containsKey(code)) {
                errors.add(new FieldError(1, code, "missing_column", "Colonne de compétence absente : « " + code + " »."));
            }
        }
    }

    /** Reads one data row, adding its problems to the file's list. */
    private static final class RowReader {

        private final int line;
        private final CsvRecord record;
        private final Map<Column, Integer> columns;
        private final List<FieldError> errors;
        private final int errorsBefore;

        RowReader(int line, CsvRecord record, Map<Column, Integer> columns, List<FieldError> errors) {
            this.line = line;
            this.record = record;
            this.columns = columns;
            this.errors = errors;
            this.errorsBefore = errors.size();
        }

        Optional<Row> read(Map<String, Integer> competenceColumns, Map<String, Integer> complementaryColumns) {
            String number = text(Column.NUMBER);
            if (number == null || !digits(number)) {
                error(Column.NUMBER, "invalid_number", "Numéro de certification absent ou invalide (des chiffres sont attendus).");
            }
            String firstName = required(Column.FIRST_NAME);
            String lastName = required(Column.LAST_NAME);
            LocalDate birthDate = date(Column.BIRTH_DATE, true);
            ResultStatus status = null;
            String statusLabel = required(Column.STATUS);
            if (statusLabel != null) {
                status = ResultStatus.ofLabel(statusLabel).orElse(null);
                if (status == null) {
                    error(Column.STATUS, "unknown_status", "Statut inconnu « " + statusLabel
                            + " » : Validée, Rejetée, Annulée, En erreur ou Démarrée.");
                }
            }
            Integer score = number(Column.SCORE, header(Column.SCORE), GlobalLevel.MAX_SCORE, "score_out_of_range");
            String rawScore = text(Column.SCORE);
            if (status == ResultStatus.VALIDATED && (rawScore == null || rawScore.equals("-"))) {
                error(Column.SCORE, "score_missing", "Une certification validée a un score.");
            }
            List<Integer> levels = new ArrayList<>(Competences.COUNT);
            for (String code : Competences.CODES) {
                levels.add(level(code, competenceColumns.get(code)));
            }
            List<CertificationResult.Complementary> complementary = new ArrayList<>();
            complementaryColumns.forEach((name, index) -> {
                String value = cell(index);
                if (value != null && !value.equals("-")) {
                    complementaryStatus(value).ifPresentOrElse(s -> complementary.add(new CertificationResult.Complementary(name, s)),
                            () -> errors.add(new FieldError(line, "Certification " + name, "unknown_status",
                                    "Statut inconnu « " + value + " » : Validée, Rejetée, Non passée, Annulée ou En erreur.")));
                }
            });
            String comment = text(Column.JURY_COMMENT);
            if (comment != null && comment.length() > MAX_COMMENT) {
                error(Column.JURY_COMMENT, "too_long", "Commentaire du jury de plus de " + MAX_COMMENT + " caractères.");
            }
            String session = required(Column.SESSION);
            long sessionNumber = 0;
            if (session != null && !digits(session)) {
                error(Column.SESSION, "invalid_session", "Numéro de session invalide (des chiffres sont attendus).");
            } else if (session != null) {
                sessionNumber = Long.parseLong(session);
            }
            LocalDate takenOn = date(Column.TAKEN_ON, false);
            if (errors.size() > errorsBefore) {
                return Optional.empty();
            }
            return Optional.of(new Row(line, number, firstName, lastName, birthDate, text(Column.BIRTH_PLACE),
                    text(Column.EXTERNAL_ID), text(Column.TYPE), status, score, levels, complementary, comment,
                    sessionNumber, takenOn));
        }

        private Integer level(String code, int index) {
            String value = cell(index);
            if (value == null || value.equals("-")) {
                return null;
            }
            try {
                int level = Integer.parseInt(value);
                if (level >= 0 && level <= Competences.MAX_LEVEL) {
                    return level;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            errors.add(new FieldError(line, code, "level_out_of_range", "Niveau « " + value + " » de la compétence " + code
                    + " : un nombre de 0 à 8, ou « - », est attendu."));
            return null;
        }

        private Integer number(Column column, String header, int max, String code) {
            String value = text(column);
            if (value == null || value.equals("-")) {
                return null;
            }
            try {
                int n = Integer.parseInt(value);
                if (n >= 0 && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            errors.add(new FieldError(line, header, code, "« " + value + " » : un nombre de 0 à " + max
                    + ", ou « - », est attendu."));
            return null;
        }

        private LocalDate date(Column column, boolean required) {
            String value = required ? required(column) : text(column);
            if (value == null || value.equals("-")) {
                return null;
            }
            try {
                return day(value);
            } catch (DateTimeException e) {
                error(column, "invalid_date", "Date « " + value + " » invalide : format JJ/MM/AAAA attendu.");
                return null;
            }
        }

        private String required(Column column) {
            String value = text(column);
            if (value == null) {
                error(column, "required", "Valeur obligatoire manquante.");
            }
            return value;
        }

        private String text(Column column) {
            Integer index = columns.get(column);
            return index == null ? null : cell(index);
        }

        private String cell(Integer index) {
            String value = record.getField(index).strip();
            return value.isEmpty() ? null : value;
        }

        private String header(Column column) {
            return column.headers.getFirst();
        }

        private void error(Column column, String code, String message) {
            errors.add(new FieldError(line, header(column), code, message));
        }

        /** One to twelve ASCII digits (a certification or session number). */
        private static boolean digits(String value) {
            if (value.isEmpty() || value.length() > 12) {
                return false;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }

        /** JJ/MM/AAAA, strictly (a hundred thousand rows read this: no formatter). */
        private static LocalDate day(String value) {
            if (value.length() != 10 || value.charAt(2) != '/' || value.charAt(5) != '/'
                    || !digits(value.substring(0, 2)) || !digits(value.substring(3, 5)) || !digits(value.substring(6))) {
                throw new DateTimeException("JJ/MM/AAAA expected");
            }
            return LocalDate.of(Integer.parseInt(value, 6, 10, 10), Integer.parseInt(value, 3, 5, 10),
                    Integer.parseInt(value, 0, 2, 10));
        }

        private static Optional<String> complementaryStatus(String label) {
            return switch (label.strip().toLowerCase(Locale.ROOT)) {
                case "validée" -> Optional.of("VALIDATED");
                case "rejetée" -> Optional.of("REJECTED");
                case "non passée" -> Optional.of("NOT_TAKEN");
                case "annulée" -> Optional.of("CANCELLED");
                case "en erreur" -> Optional.of("ERROR");
                default -> Optional.empty();
            };
        }
    }
}
