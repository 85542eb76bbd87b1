package fr.jalon.notifications;

import java.io.ByteArrayOutputStream;
import java.util.List;

import fr.jalon.platform.pdf.PdfFonts;

import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.layout.Canvas;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.properties.TextAlignment;

/**
 * Printable letters on A4, one per page, for people reachable only by post: the recipient's
 * address sits where the window of a French DL envelope (window 100 × 45 mm, right side) shows
 * it once the sheet is folded in three.
 */
final class LetterPdf {

    /** One letter: the sender's block, the recipient's address lines, the date line and the body. */
    record Letter(List<String> sender, List<String> recipient, String dateLine, String body) {
    }

    static final float MM = 72f / 25.4f;
    /** The address window on the unfolded sheet, from the page's bottom-left corner (PDF coordinates). */
    static final Rectangle ADDRESS_WINDOW = new Rectangle(110 * MM, (297 - 45 - 40) * MM, 90 * MM, 40 * MM);

    private LetterPdf() {
    }

    /** The body's frame: below the address window, 20 mm margins. */
    private static final Rectangle BODY = new Rectangle(20 * MM, 20 * MM, 170 * MM, (297 - 100 - 20) * MM);
    private static final Rectangle SENDER = new Rectangle(20 * MM, (297 - 20 - 35) * MM, 85 * MM, 35 * MM);

    static byte[] render(List<Letter> letters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out))) {
            pdf.getDocumentInfo().setTitle("Courriers à imprimer");
            PdfFonts.Faces fonts = PdfFonts.forDocument();
            for (Letter letter : letters) {
                PdfPage page = pdf.addNewPage(PageSize.A4);
                frame(page, SENDER, fonts).add(block(letter.sender(), fonts, true)).close();
                Rectangle address = new Rectangle(ADDRESS_WINDOW.getX() + 5 * MM, ADDRESS_WINDOW.getY() + 3 * MM,
                        ADDRESS_WINDOW.getWidth() - 10 * MM, ADDRESS_WINDOW.getHeight() - 6 * MM);
                frame(page, address, fonts).add(block(letter.recipient(), fonts, false).setFontSize(11)).close();
                Canvas body = frame(page, BODY, fonts);
                body.add(new Paragraph(letter.dateLine()).setTextAlignment(TextAlignment.RIGHT).setMarginBottom(8 * MM));
                for (String paragraph : letter.body().strip().split("\\n\\s*\\n")) {
                    body.add(new Paragraph(paragraph.strip()).setMarginBottom(3 * MM).setMultipliedLeading(1.25f));
                }
                body.close();
            }
            if (letters.isEmpty()) {
                frame(pdf.addNewPage(PageSize.A4), BODY, fonts).add(new Paragraph("Aucun courrier à imprimer.")).close();
            }
        }
        return out.toByteArray();
    }

    private static Canvas frame(PdfPage page, Rectangle area, PdfFonts.Faces fonts) {
        Canvas canvas = new Canvas(new PdfCanvas(page), area);
        canvas.setFont(fonts.regular()).setFontSize(10.5f);
        return canvas;
    }

    private static Div block(List<String> lines, PdfFonts.Faces fonts, boolean firstLineBold) {
        Div div = new Div();
        for (int i = 0; i < lines.size(); i++) {
            Paragraph line = new Paragraph(lines.get(i)).setMargin(0).setMultipliedLeading(1.15f);
            if (i == 0 && firstLineBold) {
                line.setFont(fonts.bold());
            }
            div.add(line);
        }
        return div;
    }
}
