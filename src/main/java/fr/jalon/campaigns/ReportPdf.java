package fr.jalon.campaigns;

import java.io.ByteArrayOutputStream;
import java.util.List;

import fr.jalon.platform.disclosure.Disclosure;
import fr.jalon.platform.pdf.PdfFonts;

import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.renderer.DocumentRenderer;

/**
 * The campaign's report as a PDF in French: for the campaign and each service, participation and,
 * when published, the mastery distribution as a bar chart drawn in the PDF (no image) and the
 * means per competence; a withheld figure says why; the selection-bias notice opens and closes it.
 */
final class ReportPdf {

    private static final float MM = 72f / 25.4f;
    private static final DeviceRgb BAR = new DeviceRgb(0, 0, 145);
    private static final float CHART_HEIGHT = 32 * MM;
    private static final float BAR_WIDTH = 18 * MM;

    private ReportPdf() {
    }

    static byte[] render(CampaignReport report, String authorityName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out))) {
            pdf.getDocumentInfo().setTitle("Rapport de campagne " + report.campaign().code());
            PdfFonts.Faces fonts = PdfFonts.forDocument();
            Document document = new Document(pdf, PageSize.A4);
            document.setFont(fonts.regular()).setFontSize(10);
            document.setMargins(18 * MM, 18 * MM, 18 * MM, 18 * MM);
            document.add(new Paragraph("Rapport de campagne — " + report.campaign().name()).setFont(fonts.bold()).setFontSize(16));
            document.add(new Paragraph(authorityName + " · campagne " + report.campaign().code() + " · parcours "
                    + report.campaign().track() + " · du " + report.campaign().startsOn() + " au "
                    + report.campaign().endsOn()));
            document.add(new Paragraph(CampaignReport.NOTICE).setMarginBottom(4 * MM));
            document.add(new Paragraph("Un chiffre n'est publié que pour au moins " + Disclosure.MIN_PERSONS
                    + " personnes ; une part de 0 % ou 100 % n'est pas donnée ; un service peut être masqué pour qu'on ne "
                    + "puisse pas le déduire des autres.").setFontSize(9).setMarginBottom(6 * MM));
            for (CampaignReport.Node node : report.nodes()) {
                document.add(new Paragraph(node.path()).setFont(fonts.bold()).setFontSize(12).setMarginTop(4 * MM));
                CampaignReport.Turnout t = node.turnout();
                document.add(new Paragraph(t.withheld() != null ? "Participation : " + t.withheld()
                        : "Agents invités : " + t.invited() + " · ayant commencé : " + t.started() + " · ayant partagé : "
                        + t.shared() + (t.sharedPercent() == null ? "" : " (" + t.sharedPercent() + " %)")));
                CampaignReport.Results r = node.results();
                if (r.withheld() != null) {
                    document.add(new Paragraph("Résultats : " + r.withheld()));
                    continue;
                }
                if (!r.bands().isEmpty()) {
                    // Not kept with the next element: the chart is drawn where the text stands once laid out.
                    document.add(new Paragraph("Répartition des " + r.sharers() + " agents ayant partagé selon leur maîtrise :"));
                    chart(document, r.bands());
                }
                if (r.meanPix() != null) {
                    document.add(new Paragraph("Pix moyen : " + r.meanPix()));
                }
                if (r.certifiablePercent() != null) {
                    document.add(new Paragraph("Part certifiable : " + r.certifiablePercent() + " %"));
                }
                for (CampaignReport.Mean m : r.means()) {
                    StringBuilder levels = new StringBuilder();
                    for (CampaignReport.Band b : m.levels()) {
                        levels.append(" · ").append(b.label()).append(" : ")
                                .append(b.percent() == null ? "non publié" : b.percent() + " %");
                    }
                    document.add(new Paragraph(m.competence() + " : " + (m.masteryPercent() != null
                            ? m.masteryPercent() + " % de maîtrise en moyenne" : "niveau moyen " + m.level() + levels))
                            .setFontSize(9).setMargin(0));
                }
            }
            document.add(new Paragraph(CampaignReport.NOTICE).setMarginTop(8 * MM));
            document.close();
        }
        return out.toByteArray();
    }

    /** Five bars, one per mastery band, drawn where the text stands; a withheld band is a dashed outline. */
    private static void chart(Document document, List<CampaignReport.Band> bands) {
        DocumentRenderer renderer = (DocumentRenderer) document.getRenderer();
        float spaceLeft = renderer.getCurrentArea().getBBox().getHeight();
        if (spaceLeft < CHART_HEIGHT + 14 * MM) {
            document.add(new AreaBreak());
        }
        var area = ((DocumentRenderer) document.getRenderer()).getCurrentArea();
        float top = area.getBBox().getTop() - 2 * MM;
        float left = area.getBBox().getLeft();
        PdfCanvas canvas = new PdfCanvas(document.getPdfDocument().getPage(area.getPageNumber()));
        for (int i = 0; i < bands.size(); i++) {
            CampaignReport.Band band = bands.get(i);
            float x = left + i * (BAR_WIDTH + 8 * MM);
            float base = top - CHART_HEIGHT;
            if (band.percent() != null) {
                float h = CHART_HEIGHT * band.percent() / 100f;
                canvas.setFillColor(BAR).rectangle(x, base, BAR_WIDTH, h).fill();
            } else {
                canvas.setStrokeColor(ColorConstants.GRAY).setLineDash(2, 2).rectangle(x, base, BAR_WIDTH, CHART_HEIGHT / 10)
                        .stroke().setLineDash(0);
            }
        }
        canvas.release();
        StringBuilder legend = new StringBuilder();
        for (CampaignReport.Band band : bands) {
            legend.append(band.label()).append(" : ").append(band.percent() == null ? "non publié" : band.percent() + " %")
                    .append("   ");
        }
        document.add(new Paragraph(legend.toString().strip()).setFontSize(8).setMarginTop(CHART_HEIGHT + 4 * MM));
    }
}
