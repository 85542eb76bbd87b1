package fr.jalon.fragility;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.jalon.platform.http.ProblemList;
import fr.jalon.platform.validation.FieldError;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * IFN input counts per unit, in the layout of {@code landes-iris-rp2016.csv} ({@code ,} or
 * {@code ;}, columns by header name): the unit's code and name, its 2016 commune, and counts
 * (population, ages, schooling, households, families), the median income, and optional columns
 * (poverty rate, unemployed 15–64 and labour force, HD/THD and 4G coverage rates, public services).
 * An empty cell is unknown; a negative or unreadable one is reported with its line.
 */
final class InputsFile {

    static final int MAX_LINES = 100_000;
    static final List<String> REQUIRED = List.of("iris_code", "iris_name", "commune_insee_2016", "commune_name",
            "population");
    static final Set<String> COUNTS = Set.of("population", "population_15_29", "population_65_plus",
            "non_schooled_15_plus", "non_schooled_15_plus_low_qualified", "households", "one_person_households",
            "families", "single_parent_families", "median_income_eur", "poverty_rate", "unemployed_15_64", "labour_force",
            "hd_coverage_rate", "mobile_4g_coverage_rate", "public_services");

    /** A unit as the file gives it, with its 2016 commune (mapped to 2026 later). */
    record Line(int line, Unit unit, String commune2016, String communeName) {
    }

    record Content(List<Line> lines, List<FieldError> errors) {

        List<Unit> units() {
            return lines.stream().map(Line::unit).toList();
        }
    }

    private InputsFile() {
    }

    static Content read(byte[] file) {
        List<FieldError> errors = new ProblemList();
        String text = new String(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        String header = text.lines().findFirst().orElse("");
        char separator = header.contains(";") ? ';' : ',';
        List<Line> lines = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true)
                .ofCsvRecord(text)) {
            Map<String, Integer> columns = null;
            for (CsvRecord record : reader) {
                if (columns == null) {
                    columns = columns(record, errors);
                    if (!errors.isEmpty()) {
                        return new Content(List.of(), errors);
                    }
                    continue;
                }
                if (lines.size() >= MAX_LINES) {
                    errors.add(new FieldError(null, "(fichier)", "too_many_lines", "Le fichier dépasse " + MAX_LINES
                            + " unités."));
                    break;
                }
                line(record, columns, errors, lines);
            }
        } catch (IOException | RuntimeException e) {
            errors.add(new FieldError(null, "(fichier)", "unreadable", "Le fichier n'a pas pu être lu comme un CSV."));
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError(null, "(fichier)", "empty", "Le fichier ne contient aucune unité."));
        }
        return new Content(lines, errors);
    }

    private static Map<String, Integer> columns(CsvRecord header, List<FieldError> errors) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            columns.putIfAbsent(header.getField(i).strip(), i);
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(new FieldError(1, required, "missing_column", "La colonne « " + required + " » est obligatoire."));
            }
        }
        return columns;
    }

    private static void line(CsvRecord record, Map<String, Integer> columns, List<FieldError> errors, List<Line> lines) {
        int line = (int) record.getStartingLineNumber();
        int before = errors.size();
        String code = cell(record, columns, "iris_code");
        String commune = cell(record, columns, "commune_insee_2016");
        if (code == null || !code.matches("[0-9AB]{5,9}")) {
            errors.add(new FieldError(line, "iris_code", "invalid_code", "Code d'unité absent ou invalide."));
        }
        if (commune == null || !commune.matches("\\d[0-9AB]\\d{3}")) {
            errors.add(new FieldError(line, "commune_insee_2016", "invalid_insee", "Code INSEE de commune absent ou invalide."));
        }
        Map<String, Double> counts = new HashMap<>();
        for (String column : COUNTS) {
            String value = cell(record, columns, column);
            if (value == null) {
                continue;
            }
            try {
                double number = Double.parseDouble(value.replace(',', '.'));
                if (number < 0 || !Double.isFinite(number)) {
                    throw new NumberFormatException();
                }
                counts.put(column, number);
            } catch (NumberFormatException e) {
                errors.add(new FieldError(line, column, "invalid_number", "« " + FieldError.echo(value)
                        + " » n'est pas un nombre positif ou nul."));
            }
        }
        if (errors.size() == before) {
            String name = String.valueOf(cell(record, columns, "iris_name"));
            String departement = commune.startsWith("97") ? commune.substring(0, 3) : commune.substring(0, 2);
            lines.add(new Line(line, new Unit(code, name, commune, null, departement, counts), commune,
                    String.valueOf(cell(record, columns, "commune_name"))));
        }
    }

    private static String cell(CsvRecord record, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        if (i == null || i >= record.getFieldCount()) {
            return null;
        }
        String value = record.getField(i).strip();
        return value.isEmpty() ? null : value;
    }
}
