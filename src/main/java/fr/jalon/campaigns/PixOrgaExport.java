package fr.jalon.campaigns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import fr.jalon.platform.csv.SemicolonCsv;
import fr.jalon.platform.http.ProblemList;
import fr.jalon.platform.text.Folding;
import fr.jalon.platform.validation.FieldError;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * A Pix Orga campaign export (DESIGN.md), in either layout: assessment (progression, sharing,
 * overall and per-competence mastery) or profiles collection (sending, pix total, certifiability,
 * per-competence level and pix). {@code ;}, BOM or not, columns found by header name, competences
 * of any number and order. Every row is read with its line; what cannot be read is reported.
 */
final class PixOrgaExport {

    static final int MAX_LINES = 100_000;
    /** A 20,000-agent assessment export with 16 competences weighs about 8 MB. */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String MASTERY_PREFIX = "de maitrise des acquis de la competence ";
    private static final String LEVEL_PREFIX = "niveau pour la competence ";
    private static final String PIX_PREFIX = "nombre de pix pour la competence ";

    /** One participant row: who (external id, names) and what the export says. */
    record Row(int line, String externalId, String lastName, String firstName, Participation participation) {
    }

    /** The rows, the competences in the export's order (each row has a value or null for each), the problems. */
    record Content(List<Row> rows, List<String> competences, List<FieldError> errors) {
    }

    /** The folded form of the headers this reader looks for, folded once. */
    private static final Map<String, String> FOLDED = new ConcurrentHashMap<>();

    private PixOrgaExport() {
    }

    private static String folded(String header) {
        return FOLDED.computeIfAbsent(header, Folding::fold);
    }

    /** Reads the export of {@code campaign}: another campaign's code, or the other layout, is refused. */
    static Content read(byte[] file, Campaign campaign) {
        List<FieldError> errors = new ProblemList();
        SemicolonCsv.Parsed parsed = SemicolonCsv.read(file, MAX_LINES);
        errors.addAll(parsed.errors());
        if (parsed.records().isEmpty()) {
            return new Content(List.of(), List.of(), errors);
        }
        Header header = Header.of(parsed.records().getFirst(), campaign, errors);
        if (!errors.isEmpty()) {
            return new Content(List.of(), List.of(), errors);
        }
        int width = parsed.records().getFirst().getFieldCount();
        List<Row> rows = new ArrayList<>();
        for (CsvRecord record : parsed.records().subList(1, parsed.records().size())) {
            SemicolonCsv.Shape shape = SemicolonCsv.check(record, width, errors);
            if (shape == SemicolonCsv.Shape.STOP) {
                break;
            }
            if (shape == SemicolonCsv.Shape.READ) {
                header.row(record, campaign, errors).ifPresent(rows::add);
            }
        }
        return new Content(rows, header.competences(), errors);
    }

    /** Where each column is; competences in the export's order. */
    private record Header(List<String> names, Map<String, Integer> index, Integer externalId, boolean assessment,
                          Map<String, Integer> competenceMastery, Map<String, Integer> competenceLevel,
                          Map<String, Integer> competencePix) {

        /** The competences in the export's order. */
        List<String> competences() {
            return List.copyOf((assessment ? competenceMastery : competenceLevel).keySet());
        }

        static Header of(CsvRecord record, Campaign campaign, List<FieldError> errors) {
            List<String> names = new ArrayList<>();
            Map<String, Integer> index = new LinkedHashMap<>();
            Map<String, Integer> mastery = new LinkedHashMap<>();
            Map<String, Integer> level = new LinkedHashMap<>();
            Map<String, Integer> pix = new LinkedHashMap<>();
            for (int i = 0; i < record.getFieldCount(); i++) {
                String raw = record.getField(i).strip();
                names.add(raw);
                String folded = Folding.fold(raw);
                if (folded.startsWith(MASTERY_PREFIX)) {
                    mastery.put(competenceName(raw), i);
                } else if (folded.startsWith(LEVEL_PREFIX)) {
                    level.put(competenceName(raw), i);
                } else if (folded.startsWith(PIX_PREFIX)) {
                    pix.put(competenceName(raw), i);
                } else if (index.putIfAbsent(folded, i) != null && !folded.isEmpty()) {
                    errors.add(new FieldError(1, raw, "duplicate_column", "La colonne « " + FieldError.echo(raw)
                            + " » apparaît deux fois."));
                }
            }
            boolean assessment = index.containsKey("partage o n");
            boolean profiles = index.containsKey("envoi o n");
            if (campaign.type() == CampaignType.ASSESSMENT && !assessment) {
                errors.add(new FieldError(1, "(fichier)", "wrong_layout", "Ce fichier n'est pas l'export d'une campagne "
                        + "d'évaluation (colonne « Partage (O/N) » absente)."));
            } else if (campaign.type() == CampaignType.PROFILES_COLLECTION && !profiles) {
                errors.add(new FieldError(1, "(fichier)", "wrong_layout", "Ce fichier n'est pas l'export d'une collecte "
                        + "de profils (colonne « Envoi (O/N) » absente)."));
            }
            for (String required : List.of("Code", "Nom du Participant", "Prénom du Participant")) {
                if (!index.containsKey(Folding.fold(required))) {
                    errors.add(new FieldError(1, required, "missing_column", "La colonne « " + required
                            + " » est obligatoire."));
                }
            }
            Integer external = index.get(Folding.fold(campaign.externalIdLabel()));
            return new Header(names, index, external, campaign.type() == CampaignType.ASSESSMENT, mastery, level, pix);
        }

        /** The competence a column is about: what follows « compétence » in its header. */
        private static String competenceName(String header) {
            String lower = header.toLowerCase(Locale.ROOT);
            int at = Math.max(lower.lastIndexOf("compétence"), lower.lastIndexOf("competence"));
            return header.substring(at + "compétence".length()).strip();
        }

        Optional<Row> row(CsvRecord record, Campaign campaign, List<FieldError> errors) {
            int line = (int) record.getStartingLineNumber();
            int before = errors.size();
            String code = cell(record, "Code");
            if (!campaign.code().equalsIgnoreCase(String.valueOf(code))) {
                errors.add(new FieldError(line, "Code", "other_campaign", "Cette ligne est celle de la campagne « "
                        + FieldError.echo(String.valueOf(code)) + " », pas de la campagne « " + campaign.code() + " »."));
                return Optional.empty();
            }
            String lastName = cell(record, "Nom du Participant");
            String firstName = cell(record, "Prénom du Participant");
            String external = externalId == null ? null : value(record, externalId);
            boolean shared = yes(record, assessment ? "Partage (O/N)" : "Envoi (O/N)", line, errors);
            LocalDate sharedOn = date(record, assessment ? "Date du partage" : "Date de l'envoi", line, errors);
            LocalDate startedOn = date(record, "Date de début", line, errors);
            Integer progression = assessment ? percent(record, "% de progression", line, errors) : null;
            BigDecimal mastery = assessment ? ratio(record, index.get(folded("% maitrise de l'ensemble des acquis du profil")),
                    "% maitrise de l'ensemble des acquis du profil", line, errors) : null;
            Integer pixTotal = assessment ? null : integer(record, "Nombre de pix total", 0, 10_000, line, errors);
            Boolean certifiable = assessment ? null : yesOrNull(record, "Certifiable (O/N)", line, errors);
            Integer certifiableCount = assessment ? null
                    : integer(record, "Nombre de compétences certifiables", 0, 100, line, errors);
            List<Participation.Competence> competences = new ArrayList<>();
            if (assessment) {
                competenceMastery.forEach((name, i) -> competences.add(new Participation.Competence(name,
                        ratio(record, i, names.get(i), line, errors), null, null)));
            } else {
                competenceLevel.forEach((name, i) -> {
                    Integer lvl = integerAt(record, i, names.get(i), 0, 8, line, errors);
                    Integer pix = competencePix.containsKey(name)
                            ? integerAt(record, competencePix.get(name), names.get(competencePix.get(name)), 0, 1_000, line,
                            errors) : null;
                    competences.add(new Participation.Competence(name, null, lvl, pix));
                });
            }
            if (errors.size() > before) {
                return Optional.empty();
            }
            ParticipantStatus status = shared ? ParticipantStatus.SHARED : ParticipantStatus.STARTED;
            Participation participation = new Participation(status, progression, startedOn, shared ? sharedOn : null,
                    shared ? mastery : null, shared ? pixTotal : null, shared ? certifiable : null,
                    shared ? certifiableCount : null, shared ? competences : List.of());
            return Optional.of(new Row(line, external, lastName, firstName, participation));
        }

        private String cell(CsvRecord record, String header) {
            Integer i = index.get(folded(header));
            return i == null ? null : value(record, i);
        }

        private static String value(CsvRecord record, int i) {
            String v = record.getField(i).strip();
            return v.isEmpty() || v.equalsIgnoreCase("NA") ? null : v;
        }

        private boolean yes(CsvRecord record, String header, int line, List<FieldError> errors) {
            return Boolean.TRUE.equals(yesOrNull(record, header, line, errors));
        }

        private Boolean yesOrNull(CsvRecord record, String header, int line, List<FieldError> errors) {
            String v = cell(record, header);
            if (v == null) {
                return null;
            }
            if (v.equalsIgnoreCase("O") || v.equalsIgnoreCase("Oui")) {
                return true;
            }
            if (v.equalsIgnoreCase("N") || v.equalsIgnoreCase("Non")) {
                return false;
            }
            errors.add(new FieldError(line, header, "invalid_value", "Attendu O ou N, pas « " + FieldError.echo(v) + " »."));
            return null;
        }

        private LocalDate date(CsvRecord record, String header, int line, List<FieldError> errors) {
            String v = cell(record, header);
            if (v == null) {
                return null;
            }
            try {
                return v.contains("/") ? LocalDate.parse(v, FRENCH_DAY) : LocalDate.parse(v.substring(0, Math.min(10, v.length())));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(line, header, "invalid_date", "« " + FieldError.echo(v)
                        + " » n'est pas une date (JJ/MM/AAAA)."));
                return null;
            }
        }

        /** « 0,75 », « 0.75 », « 75 % » or « 75% » → 75. */
        private Integer percent(CsvRecord record, String header, int line, List<FieldError> errors) {
            Integer i = index.get(folded(header));
            BigDecimal r = i == null ? null : ratio(record, i, header, line, errors);
            return r == null ? null : r.movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValueExact();
        }

        /** A share 0–1 with 2 decimals (percent forms accepted), null when empty or NA. */
        private static BigDecimal ratio(CsvRecord record, Integer i, String header, int line, List<FieldError> errors) {
            if (i == null) {
                return null;
            }
            String v = value(record, i);
            if (v == null) {
                return null;
            }
            try {
                boolean percent = v.endsWith("%");
                BigDecimal d = new BigDecimal(v.replace("%", "").replace(',', '.').strip());
                BigDecimal share = percent || d.compareTo(BigDecimal.ONE) > 0 ? d.movePointLeft(2) : d;
                if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
                    throw new NumberFormatException();
                }
                return share.setScale(2, RoundingMode.HALF_UP);
            } catch (NumberFormatException e) {
                errors.add(new FieldError(line, header, "invalid_percent", "« " + FieldError.echo(v)
                        + " » n'est pas une part entre 0 et 1 (ou entre 0 % et 100 %)."));
                return null;
            }
        }

        private Integer integer(CsvRecord record, String header, int min, int max, int line, List<FieldError> errors) {
            Integer i = index.get(folded(header));
            return i == null ? null : integerAt(record, i, header, min, max, line, errors);
        }

        private static Integer integerAt(CsvRecord record, int i, String header, int min, int max, int line,
                                         List<FieldError> errors) {
            String v = value(record, i);
            if (v == null) {
                return null;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                errors.add(new FieldError(line, header, "invalid_number", "« " + FieldError.echo(v)
                        + " » n'est pas un nombre entier de " + min + " à " + max + "."));
                return null;
            }
        }
    }
}
