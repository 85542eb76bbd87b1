package fr.jalon.candidates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.csv.SpreadsheetSafe;
import fr.jalon.sessions.SessionView;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * Writes a session's candidates in Pix Certif's mass-import layout (UTF-8 with BOM, ';', CRLF),
 * so staff upload it to Pix Certif unchanged; importing it back into Jalon changes nothing. Cells
 * a spreadsheet would run as formulas are neutralised ({@link SpreadsheetSafe}).
 */
final class PixFileWriter {

    /** A candidate of the exported session: the person and the enrolment terms. */
    record Candidate(PersonDraft person, EnrolmentTerms terms) {
    }

    private PixFileWriter() {
    }

    static byte[] write(SessionView session, Set<Habilitation> habilitations, List<Candidate> candidates) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CsvWriter csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.CRLF).build(writer)) {
            List<String> header = new ArrayList<>();
            for (PixColumn column : PixColumn.values()) {
                header.add(column.header());
            }
            habilitations.forEach(h -> header.add(h.label() + PixColumn.HABILITATION_SUFFIX));
            csv.writeRecord(header);
            if (candidates.isEmpty()) {
                csv.writeRecord(safe(row(session, habilitations, null)));
            }
            for (Candidate candidate : candidates) {
                csv.writeRecord(safe(row(session, habilitations, candidate)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<String> row(SessionView s, Set<Habilitation> habilitations, Candidate c) {
        List<String> cells = new ArrayList<>();
        cells.add(s.pixNumber() == null ? "" : s.pixNumber().toString());
        cells.add(s.siteName());
        cells.add(s.roomName());
        cells.add(PixFormats.date(s.slot().date()));
        cells.add(PixFormats.time(s.slot().startTime()));
        cells.add(orEmpty(s.declaredInvigilators()));
        cells.add(orEmpty(s.description()));
        if (c == null) {
            while (cells.size() < PixColumn.values().length + habilitations.size()) {
                cells.add("");
            }
            return cells;
        }
        PersonDraft p = c.person();
        EnrolmentTerms t = c.terms();
        Birthplace place = p.birthplace();
        cells.add(p.birthName());
        cells.add(p.firstName());
        cells.add(PixFormats.date(p.birthDate()));
        cells.add(p.sex().name());
        cells.add(place.inFrance() ? place.inseeCode() : "");
        cells.add("");
        cells.add(place.inFrance() ? "" : place.city());
        cells.add(place.countryName().toUpperCase(Locale.FRENCH));
        cells.add(orEmpty(t.resultRecipientEmail()));
        cells.add(orEmpty(p.email()));
        cells.add(orEmpty(t.externalId()));
        cells.add(PixFormats.percent(t.extraTimePercent()));
        cells.add(t.billingMode().label());
        cells.add(orEmpty(t.prepaymentCode()));
        habilitations.forEach(h -> cells.add(h == t.complementaryCertification() ? "oui" : ""));
        return cells;
    }

    /** Every cell safe to open in a spreadsheet (no formula); the reader restores them. */
    private static List<String> safe(List<String> cells) {
        return cells.stream().map(SpreadsheetSafe::neutralise).toList();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
