package fr.jalon.attestations;

import java.util.List;

import fr.jalon.platform.pdf.PdfFonts;
import fr.jalon.results.Competences;

import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.layout.LayoutArea;

/**
 * The table of the 5 domains and 16 competences, drawn straight on the page where the layout
 * has got to, then reserved in the flow. Its rows never wrap, so it needs no table layout —
 * which was most of the time spent on an attestation.
 */
final class CompetenceGrid {

    private static final float ROW = 13.5f;
    private static final float FONT_SIZE = 9f;
    private static final float PADDING = 3f;
    private static final float BORDER = 0.5f;
    private static final float[] COLUMNS = {0.15f, 0.69f, 0.16f};
    private static final int ROWS = 1 + Competences.DOMAINS.size() + Competences.COUNT;

    private CompetenceGrid() {
    }

    static void add(Document document, PdfFonts.Faces fonts, List<Integer> levels, float marginTop, Color ink,
                    Color shade) {
        float height = ROWS * ROW;
        LayoutArea area = document.getRenderer().getCurrentArea();
        if (area.getBBox().getHeight() < marginTop + height) {
            document.add(new AreaBreak());
            area = document.getRenderer().getCurrentArea();
        }
        Rectangle box = area.getBBox();
        PdfCanvas canvas = new PdfCanvas(document.getPdfDocument().getPage(area.getPageNumber()));
        float left = box.getLeft();
        float width = box.getWidth();
        float[] x = {left, left + width * COLUMNS[0], left + width * (COLUMNS[0] + COLUMNS[1]), left + width};
        float top = box.getTop() - marginTop;

        canvas.saveState().setLineWidth(BORDER).setStrokeColor(ink);
        float y = top;
        row(canvas, fonts.bold(), x, y, ink, "Compétence", "Intitulé", "Niveau (0 à 8)");
        y -= ROW;
        int index = 0;
        for (Competences.Domain domain : Competences.DOMAINS) {
            canvas.setFillColor(shade).rectangle(x[0], y - ROW, width, ROW).fillStroke();
            text(canvas, fonts.bold(), ink, x[0] + PADDING, y, domain.number() + ". " + domain.name());
            y -= ROW;
            for (Competences.Competence competence : domain.competences()) {
                Integer level = levels.get(index++);
                row(canvas, fonts.regular(), x, y, ink, competence.code(), competence.name(),
                        level == null ? "—" : level.toString());
                y -= ROW;
            }
        }
        canvas.restoreState().release();
        document.add(new Div().setHeight(height).setMarginTop(marginTop).setMarginBottom(0));
    }

    /** Three bordered cells; the last one centred. */
    private static void row(PdfCanvas canvas, PdfFont font, float[] x, float top, Color ink, String first,
                            String second, String third) {
        for (int c = 0; c < 3; c++) {
            canvas.rectangle(x[c], top - ROW, x[c + 1] - x[c], ROW).stroke();
        }
        text(canvas, font, ink, x[0] + PADDING, top, first);
        text(canvas, font, ink, x[1] + PADDING, top, second);
        float centred = x[2] + (x[3] - x[2] - font.getWidth(third, FONT_SIZE)) / 2;
        text(canvas, font, ink, centred, top, third);
    }

    private static void text(PdfCanvas canvas, PdfFont font, Color ink, float x, float rowTop, String text) {
        canvas.setFillColor(ink).beginText().setFontAndSize(font, FONT_SIZE)
                .moveText(x, rowTop - ROW + (ROW - FONT_SIZE) / 2 + 2).showText(text).endText();
    }
}
