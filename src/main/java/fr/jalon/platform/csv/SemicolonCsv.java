package fr.jalon.platform.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.jalon.platform.http.ProblemList;
import fr.jalon.platform.validation.FieldError;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The files Pix exchanges: ';' separated, UTF-8 with or without BOM. Decodes and splits a file,
 * reporting what prevents reading it as a whole (encoding, separator, quotes) with its line, in
 * French for the person who exported it; cells are checked by each reader.
 */
public final class SemicolonCsv {

    /** The records (the header first), or the problems that prevent reading them. */
    public record Parsed(List<CsvRecord> records, List<FieldError> errors) {
    }

    private SemicolonCsv() {
    }

    /** Reads at most {@code maxRecords} data lines; a longer file is refused as a whole. */
    public static Parsed read(byte[] bytes, int maxRecords) {
        List<FieldError> errors = new ProblemList();
        Optional<String> text = decode(bytes, errors);
        if (text.isEmpty()) {
            return new Parsed(List.of(), errors);
        }
        String content = text.get();
        if (!controlCharacters(content, errors)) {
            return new Parsed(List.of(), errors);
        }
        String firstLine = content.lines().findFirst().orElse("");
        if (!firstLine.contains(";")) {
            String found = firstLine.contains("\t") ? "des tabulations" : firstLine.contains(",") ? "des virgules" : "aucun séparateur";
            errors.add(new FieldError(1, "(fichier)", "separator",
                    "Les colonnes doivent être séparées par des points-virgules (;) ; la ligne d'en-tête contient " + found + "."));
            return new Parsed(List.of(), errors);
        }
        List<CsvRecord> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';').skipEmptyLines(true)
                .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(content)) {
            for (CsvRecord record : reader) {
                if (records.size() > maxRecords) {
                    errors.add(new FieldError(null, "(fichier)", "too_many_lines", "Le fichier dépasse "
                            + maxRecords + " lignes : découpez-le en plusieurs fichiers."));
                    return new Parsed(List.of(), errors);
                }
                records.add(record);
            }
        } catch (CsvParseException e) {
            errors.add(new FieldError(records.size() + 2, "(fichier)", "quotes",
                    "Guillemets mal fermés ou ligne illisible après la ligne " + (records.size() + 1) + "."));
            return new Parsed(List.of(), errors);
        } catch (IOException | UncheckedIOException e) {
            errors.add(new FieldError(null, "(fichier)", "unreadable", "Le fichier n'a pas pu être lu."));
            return new Parsed(List.of(), errors);
        }
        if (records.isEmpty()) {
            errors.add(new FieldError(null, "(fichier)", "empty", "Le fichier est vide."));
        }
        return new Parsed(records, errors);
    }

    /**
     * Refuses C0 control characters other than tab, carriage return and line feed (a NUL byte
     * cannot even be stored by PostgreSQL): each line holding one is reported. True when none.
     */
    private static boolean controlCharacters(String content, List<FieldError> errors) {
        int line = 1;
        int reportedLine = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c < 0x20 && c != '\t' && c != '\r' && line != reportedLine) {
                errors.add(new FieldError(line, "(ligne)", "control_character", String.format(
                        "La ligne contient un caractère de contrôle interdit (U+%04X) : retirez-le et importez à nouveau.",
                        (int) c)));
                reportedLine = line;
            }
        }
        return reportedLine == 0;
    }

    /** What a reader does with a data record once its shape is checked. */
    public enum Shape { READ, SKIP, STOP }

    /**
     * A blank record is skipped; one whose quotes swallowed line breaks is reported and ends the
     * reading (everything after it is shifted); one of another width than the header is reported
     * and skipped, so every other line still gets its own report.
     */
    public static Shape check(CsvRecord record, int width, List<FieldError> errors) {
        int line = (int) record.getStartingLineNumber();
        boolean blank = true;
        boolean lineBreak = false;
        for (String field : record.getFields()) {
            blank &= field.isBlank();
            lineBreak |= field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        }
        if (blank) {
            return Shape.SKIP;
        }
        if (lineBreak) {
            errors.add(new FieldError(line, "(ligne)", "quotes",
                    "Un guillemet ouvert n'est pas refermé à partir de cette ligne : vérifiez les guillemets (\")."));
            return Shape.STOP;
        }
        if (record.getFieldCount() != width) {
            errors.add(new FieldError(line, "(ligne)", "column_count", "La ligne a " + record.getFieldCount()
                    + " colonnes au lieu de " + width + " : vérifiez les points-virgules."));
            return Shape.SKIP;
        }
        return Shape.READ;
    }

    private static Optional<String> decode(byte[] bytes, List<FieldError> errors) {
        if (bytes.length == 0) {
            errors.add(new FieldError(null, "(fichier)", "empty", "Le fichier est vide."));
            return Optional.empty();
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            errors.add(new FieldError(null, "(fichier)", "encoding",
                    "Le fichier est en UTF-16 : enregistrez-le au format « CSV UTF-8 (délimité par des points-virgules) »."));
            return Optional.empty();
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString());
        } catch (CharacterCodingException e) {
            errors.add(new FieldError(null, "(fichier)", "encoding",
                    "Le fichier n'est pas encodé en UTF-8 (probablement Windows-1252 / ANSI) : exportez-le à nouveau "
                            + "depuis Pix ou enregistrez-le au format « CSV UTF-8 (délimité par des points-virgules) »."));
            return Optional.empty();
        }
    }
}
