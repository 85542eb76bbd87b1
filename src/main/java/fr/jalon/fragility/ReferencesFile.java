package fr.jalon.fragility;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import fr.jalon.platform.validation.FieldError;

/**
 * Reference values in the layout of {@code landes-references-2016.csv}: {@code variable,territory,value}
 * (territory {@code departement:<code>} or {@code epci:<siren>}); unknown variables and values that
 * are not positive numbers are reported with their line.
 */
final class ReferencesFile {

    record Row(Variable variable, String territory, double value) {
    }

    record Content(List<Row> rows, List<FieldError> errors) {

        Map<Variable, Double> values() {
            Map<Variable, Double> values = new EnumMap<>(Variable.class);
            rows.forEach(r -> values.put(r.variable(), r.value()));
            return values;
        }
    }

    private ReferencesFile() {
    }

    /** Every row, or only those of {@code territory} when not null. */
    static Content read(String text, String territory) {
        List<Row> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        List<String> lines = text.replace("\uFEFF", "").lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split("[,;]");
            if (lines.get(i).isBlank()) {
                continue;
            }
            if (cells.length != 3) {
                errors.add(new FieldError(i + 1, "(ligne)", "column_count", "Une ligne compte 3 colonnes : variable, territory, value."));
                continue;
            }
            String where = cells[1].strip();
            if (!where.matches("departement:\\d[0-9AB]\\d?|epci:\\d{9}")) {
                errors.add(new FieldError(i + 1, "territory", "invalid_territory", "Territoire attendu : departement:<code> ou epci:<siren>."));
                continue;
            }
            try {
                Variable variable = Variable.ofCode(cells[0].strip());
                double value = Double.parseDouble(cells[2].strip());
                if (value <= 0 || !Double.isFinite(value)) {
                    throw new NumberFormatException();
                }
                if (territory == null || territory.equals(where)) {
                    rows.add(new Row(variable, where, value));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(i + 1, "(ligne)", "invalid_reference",
                        "Variable inconnue ou valeur qui n'est pas un nombre strictement positif."));
            }
        }
        return new Content(rows, errors);
    }
}
