package fr.jalon.bench;

import java.io.ByteArrayOutputStream;
import java.util.List;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;

/**
 * The baseline of the PDF benchmarks: the same text laid out by iText with no design at all
 * (default font, plain paragraphs and tables, no images, no QR code) — the floor any PDF of that
 * content costs with this library.
 */
public final class PdfFloor {

    private PdfFloor() {
    }

    /** One page per entry, each a title and its lines as paragraphs. */
    public static byte[] pages(List<String> titles, List<List<String>> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Document document = new Document(new PdfDocument(new PdfWriter(out)))) {
            for (int p = 0; p < titles.size(); p++) {
                if (p > 0) {
                    document.add(new AreaBreak());
                }
                document.add(new Paragraph(titles.get(p)));
                for (String line : lines.get(p)) {
                    document.add(new Paragraph(line));
                }
            }
        }
        return out.toByteArray();
    }

    /** A title and a table of these rows. */
    public static byte[] table(String title, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Document document = new Document(new PdfDocument(new PdfWriter(out)))) {
            document.add(new Paragraph(title));
            Table table = new Table(rows.getFirst().size());
            for (List<String> row : rows) {
                row.forEach(table::addCell);
            }
            document.add(table);
        }
        return out.toByteArray();
    }
}
