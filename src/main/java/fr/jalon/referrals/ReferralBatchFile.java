package fr.jalon.referrals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import fr.jalon.platform.http.ProblemList;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.validation.FieldError;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A batch of referrals as a spreadsheet exports it: {@code ;}-separated, UTF-8 (with or without
 * BOM), one person per line, columns found by their header name. Each line becomes the JSON body
 * of a single referral, so a line is checked exactly as {@code POST /referrals} checks one.
 */
final class ReferralBatchFile {

    static final int MAX_LINES = 1_000;
    static final List<String> REQUIRED = List.of("nom_naissance", "prenom", "sexe", "date_naissance", "personne_informee");
    static final List<String> COLUMNS = List.of("nom_naissance", "prenom", "sexe", "date_naissance",
            "commune_naissance_insee", "ville_naissance", "pays_naissance", "numero_france_travail", "identifiant_imilo",
            "email", "mobile", "disponibilites", "communes_accessibles", "note", "personne_informee");
    /** Strict: 31/02 is an error, not the 28th. */
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A line of the file and the referral it describes. */
    record Line(int number, JsonObject body) {
    }

    /** The lines, or the problems that make the file unreadable as a whole. */
    record Content(List<Line> lines, List<FieldError> errors) {
    }

    static Content read(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<CsvRecord> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';').skipEmptyLines(true)
                .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(text)) {
            reader.forEach(records::add);
        } catch (CsvParseException | IOException | UncheckedIOException e) {
            return failed(new FieldError(records.size() + 1, "(fichier)", "unreadable",
                    "Ligne illisible (guillemets mal fermés ?) après la ligne " + records.size() + "."));
        }
        if (records.size() < 2) {
            return failed(new FieldError(null, "(fichier)", "empty", "Le fichier ne contient aucune orientation."));
        }
        if (records.size() - 1 > MAX_LINES) {
            return failed(new FieldError(null, "(fichier)", "too_many",
                    "Au plus " + MAX_LINES + " orientations par fichier (celui-ci en contient " + (records.size() - 1) + ")."));
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.getFirst().getFields();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<FieldError> errors = new ProblemList();
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(new FieldError(1, required, "missing_column", "La colonne « " + required
                        + " » manque (colonnes reconnues : " + String.join(", ", COLUMNS) + ")."));
            }
        }
        if (!errors.isEmpty()) {
            return new Content(List.of(), errors);
        }
        List<Line> lines = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            int number = r + 1;
            CsvRecord record = records.get(r);
            Function<String, String> cell = name -> {
                Integer index = columns.get(name);
                if (index == null || index >= record.getFieldCount()) {
                    return "";
                }
                return record.getField(index).strip();
            };
            lines.add(new Line(number, body(cell, number, errors)));
        }
        return new Content(lines, errors);
    }

    private static JsonObject body(Function<String, String> cell, int line, List<FieldError> errors) {
        JsonObjectBuilder person = Jsons.createObjectBuilder()
                .add("birthName", cell.apply("nom_naissance"))
                .add("firstName", cell.apply("prenom"))
                .add("sex", cell.apply("sexe").toUpperCase(Locale.ROOT));
        try {
            person.add("birthDate", LocalDate.parse(cell.apply("date_naissance"), FRENCH_DATE).toString());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(line, "date_naissance", "invalid_date",
                    "Ligne " + line + " : la date de naissance doit s'écrire JJ/MM/AAAA."));
        }
        JsonObjectBuilder birthplace = Jsons.createObjectBuilder();
        optional(birthplace, "inseeCode", cell.apply("commune_naissance_insee"));
        optional(birthplace, "city", cell.apply("ville_naissance"));
        optional(birthplace, "country", cell.apply("pays_naissance"));
        person.add("birthplace", birthplace);
        optional(person, "franceTravailNumber", cell.apply("numero_france_travail"));
        optional(person, "imiloId", cell.apply("identifiant_imilo"));
        optional(person, "email", cell.apply("email"));
        optional(person, "mobilePhone", cell.apply("mobile"));
        JsonObjectBuilder constraints = Jsons.createObjectBuilder();
        if (!cell.apply("disponibilites").isEmpty()) {
            constraints.add("availability", list(cell.apply("disponibilites")));
        }
        if (!cell.apply("communes_accessibles").isEmpty()) {
            constraints.add("mobility", Jsons.createObjectBuilder().add("communes", list(cell.apply("communes_accessibles"))));
        }
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("person", person).add("constraints", constraints)
                .add("consent", Jsons.createObjectBuilder().add("personInformed",
                        cell.apply("personne_informee").equalsIgnoreCase("oui")));
        optional(body, "note", cell.apply("note"));
        return body.build();
    }

    private static JsonArrayBuilder list(String cell) {
        JsonArrayBuilder values = Jsons.createArrayBuilder();
        Arrays.stream(cell.split(",")).map(String::strip).filter(v -> !v.isEmpty())
                .forEach(v -> values.add(v.toUpperCase(Locale.ROOT)));
        return values;
    }

    private static void optional(JsonObjectBuilder builder, String field, String value) {
        if (!value.isEmpty()) {
            builder.add(field, value);
        }
    }

    private static Content failed(FieldError error) {
        return new Content(List.of(), List.of(error));
    }
}
