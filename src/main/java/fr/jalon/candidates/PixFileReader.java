package fr.jalon.candidates;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.csv.SemicolonCsv;
import fr.jalon.platform.csv.SpreadsheetSafe;
import fr.jalon.platform.http.ProblemList;
import fr.jalon.platform.text.Folding;
import fr.jalon.platform.validation.FieldError;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Decodes and splits a Pix mass-import file: UTF-8 with or without BOM, ';' separated, headers
 * by name. Problems with the file as a whole (encoding, separator, headers, quotes) are reported
 * with their line; values are checked later, row by row.
 */
final class PixFileReader {

    /** One data row: its line number and its cells by column. */
    record Row(int line, Map<PixColumn, String> cells, Map<Habilitation, String> habilitations) {

        String get(PixColumn column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        boolean hasCandidate() {
            return cells.entrySet().stream().anyMatch(e -> !e.getKey().isSessionColumn()
                    && e.getValue() != null && !e.getValue().isBlank())
                    || habilitations.values().stream().anyMatch(v -> v != null && !v.isBlank());
        }
    }

    /** The rows, or the problems that prevent reading them. */
    record Content(List<Row> rows, List<FieldError> errors) {
    }

    /** Candidate lines of one file at most: a département's month is a few thousand. */
    static final int MAX_LINES = 20_000;

    private PixFileReader() {
    }

    static Content read(byte[] bytes) {
        SemicolonCsv.Parsed parsed = SemicolonCsv.read(bytes, MAX_LINES);
        List<FieldError> errors = new ProblemList(parsed.errors());
        if (!errors.isEmpty()) {
            return new Content(List.of(), errors);
        }
        List<CsvRecord> records = parsed.records();
        Map<Integer, PixColumn> columns = new HashMap<>();
        Map<Integer, Habilitation> habilitationColumns = new HashMap<>();
        readHeaders(records.getFirst(), columns, habilitationColumns, errors);
        if (!errors.isEmpty()) {
            return new Content(List.of(), errors);
        }
        int width = records.getFirst().getFieldCount();
        List<Row> rows = new ArrayList<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            SemicolonCsv.Shape shape = SemicolonCsv.check(record, width, errors);
            if (shape == SemicolonCsv.Shape.STOP) {
                break;
            }
            if (shape == SemicolonCsv.Shape.SKIP) {
                continue;
            }
            int line = (int) record.getStartingLineNumber();
            Map<PixColumn, String> cells = new EnumMap<>(PixColumn.class);
            Map<Habilitation, String> habilitations = new EnumMap<>(Habilitation.class);
            // Cells Jalon neutralised for spreadsheets on export (« '=… ») read back as they were.
            columns.forEach((index, column) -> cells.put(column, SpreadsheetSafe.restore(record.getField(index))));
            habilitationColumns.forEach((index, h) -> habilitations.put(h,
                    SpreadsheetSafe.restore(record.getField(index).strip())));
            rows.add(new Row(line, cells, habilitations));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError(null, "(fichier)", "empty", "Le fichier ne contient aucune ligne après l'en-tête."));
        }
        return new Content(rows, errors);
    }

    private static void readHeaders(CsvRecord header, Map<Integer, PixColumn> columns,
                                    Map<Integer, Habilitation> habilitationColumns, List<FieldError> errors) {
        for (int i = 0; i < header.getFieldCount(); i++) {
            String name = header.getField(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            Optional<PixColumn> column = PixColumn.forHeader(name);
            Optional<Habilitation> habilitation = habilitationColumn(name);
            if (column.isPresent()) {
                if (columns.containsValue(column.get())) {
                    errors.add(new FieldError(1, name, "duplicate_column", "La colonne « " + name + " » apparaît deux fois."));
                }
                columns.put(i, column.get());
            } else if (habilitation.isPresent()) {
                habilitationColumns.put(i, habilitation.get());
            } else {
                errors.add(new FieldError(1, name, "unknown_column", "La colonne « " + name
                        + " » n'appartient pas au modèle d'import de Pix Certif."));
            }
        }
        for (PixColumn column : PixColumn.values()) {
            if (column.required() && !columns.containsValue(column)) {
                // Our own column name, quoted “…”: only echoed input (« … ») is shortened.
                errors.add(new FieldError(1, column.header(), "missing_column",
                        "La colonne obligatoire “" + column.header() + "” est absente."));
            }
        }
    }

    /** "CléA Numérique ('oui' ou laisser vide)" → CLEA. */
    static Optional<Habilitation> habilitationColumn(String header) {
        String folded = Folding.fold(header);
        String suffix = Folding.fold(PixColumn.HABILITATION_SUFFIX);
        if (!folded.endsWith(suffix)) {
            return Optional.empty();
        }
        String label = folded.substring(0, folded.length() - suffix.length()).strip();
        for (Habilitation h : Habilitation.values()) {
            if (Folding.fold(h.label()).equals(label)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
