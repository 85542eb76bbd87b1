package fr.jalon.attestations;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import fr.jalon.platform.pdf.PdfFonts;
import fr.jalon.platform.text.FrenchDates;
import fr.jalon.results.CertificationResult;
import fr.jalon.results.GlobalLevel;

import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.properties.AreaBreakType;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.properties.VerticalAlignment;
import com.itextpdf.pdfa.PdfADocument;

/**
 * Attestations as PDF/A-2B (archivable), one A4 page per candidate, in French: the centre, the
 * candidate, the session, the status, score out of the maximum reachable and global level, the
 * 16 competences by domain, the complementary certification obtained, the verification code and
 * the QR code of the verification address. An attendance attestation says the candidate sat the
 * session and carries no score. Fonts are embedded once per document.
 */
final class AttestationPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float MM = 72f / 25.4f;
    private static final DeviceRgb INK = new DeviceRgb(0x1a, 0x1a, 0x1a);
    private static final DeviceRgb ACCENT = new DeviceRgb(0x3d, 0x68, 0xff);
    private static final DeviceRgb SHADE = new DeviceRgb(0xee, 0xf1, 0xfb);
    /** The output intent PDF/A requires: the JDK's own sRGB profile. */
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /** One page: who, which attestation, the result when there is one. */
    record Page(AttestationKind kind, AttestationSubject subject, CertificationResult result,
                String code, String verificationUrl, LocalDate issuedOn) {
    }

    private AttestationPdf() {
    }

    static byte[] render(List<Page> pages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfOutputIntent intent = new PdfOutputIntent("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
                new ByteArrayInputStream(SRGB));
        try (PdfADocument pdf = new PdfADocument(new PdfWriter(out, new WriterProperties().setFullCompressionMode(true)),
                PdfAConformance.PDF_A_2B, intent); Document document = new Document(pdf, PageSize.A4)) {
            pdf.getDocumentInfo().setTitle(pages.size() == 1 ? title(pages.getFirst()) : "Attestations de certification Pix")
                    .setCreator("Jalon");
            PdfFonts.Faces fonts = PdfFonts.forDocument();
            document.setFont(fonts.regular()).setFontSize(10).setFontColor(INK);
            document.setMargins(18 * MM, 18 * MM, 16 * MM, 18 * MM);
            for (int i = 0; i < pages.size(); i++) {
                if (i > 0) {
                    document.add(new AreaBreak(AreaBreakType.NEXT_PAGE));
                }
                page(document, fonts, pages.get(i));
            }
        }
        return out.toByteArray();
    }

    private static String title(Page page) {
        return page.kind() == AttestationKind.RESULTS ? "Attestation de résultats — certification Pix"
                : "Attestation de présence — certification Pix";
    }

    private static void page(Document document, PdfFonts.Faces fonts, Page page) {
        var s = page.subject();
        document.add(new Paragraph(s.centre()).setFont(fonts.bold()).setFontSize(11).setMarginBottom(0));
        document.add(new Paragraph("Centre de certification Pix").setFontSize(9).setMarginTop(0));
        document.add(new Paragraph(title(page)).setFont(fonts.bold()).setFontSize(17).setFontColor(ACCENT)
                .setMarginTop(10 * MM).setMarginBottom(6 * MM));

        document.add(field(fonts, "Nom", s.birthName()));
        document.add(field(fonts, "Prénom", s.firstName()));
        document.add(field(fonts, "Né(e) le", DATE.format(s.birthDate()) + " à " + s.birthCity()
                + (s.birthCountry() == null || s.birthCountry().equalsIgnoreCase("France") ? "" : " (" + s.birthCountry() + ")")));
        document.add(field(fonts, "Session", "du " + FrenchDates.date(s.sessionDate()) + ", " + s.site() + " (" + s.siteCity() + ")"));

        CertificationResult r = page.result();
        if (r == null) {
            document.add(new Paragraph("Le centre atteste que la personne ci-dessus a participé à la session de "
                    + "certification Pix du " + FrenchDates.date(s.sessionDate()) + ". Ses résultats ne sont pas encore "
                    + "publiés par Pix ; une attestation de résultats lui sera délivrée dès leur publication.")
                    .setMarginTop(8 * MM).setFontSize(11));
        } else {
            results(document, fonts, r);
        }
        footer(document, fonts, page);
    }

    private static void results(Document document, PdfFonts.Faces fonts, CertificationResult r) {
        document.add(field(fonts, "N° de certification", r.certificationNumber()));
        document.add(field(fonts, "Statut", r.status().label()).setMarginTop(3 * MM));
        if (r.score() != null) {
            document.add(field(fonts, "Score", r.score() + " pix sur " + GlobalLevel.MAX_REACHABLE_SCORE
                    + " (score maximum atteignable)"));
            document.add(field(fonts, "Niveau global", r.globalLevelLabel()));
        }
        CompetenceGrid.add(document, fonts, r.competences(), 4 * MM, INK, SHADE);
        List<String> obtained = r.complementary().stream().filter(CertificationResult.Complementary::obtained)
                .map(CertificationResult.Complementary::name).toList();
        document.add(field(fonts, "Certification complémentaire", obtained.isEmpty() ? "aucune obtenue lors de cette session"
                : String.join(", ", obtained) + " : obtenue").setMarginTop(3 * MM));
    }

    private static void footer(Document document, PdfFonts.Faces fonts, Page page) {
        Image qr = new Image(QrCode.of(page.verificationUrl())).setWidth(30 * MM)
                .setHeight(30 * MM);
        Table footer = new Table(UnitValue.createPercentArray(new float[] {26, 74})).useAllAvailableWidth().setFixedLayout()
                .setFixedPosition(18 * MM, 14 * MM, PageSize.A4.getWidth() - 36 * MM);
        footer.addCell(new Cell().add(qr).setBorder(Border.NO_BORDER));
        Cell text = new Cell().setBorder(Border.NO_BORDER).setVerticalAlignment(VerticalAlignment.MIDDLE);
        text.add(new Paragraph("Code de vérification : " + page.code()).setFont(fonts.bold()).setFontSize(12));
        text.add(new Paragraph("Toute personne peut vérifier cette attestation sur " + page.verificationUrl()
                + " ou en scannant le QR code.").setFontSize(9));
        text.add(new Paragraph("Attestation délivrée le " + FrenchDates.date(page.issuedOn()) + " par le centre, "
                + "à partir des résultats publiés par Pix. Le certificat Pix reste le document officiel.").setFontSize(8));
        footer.addCell(text);
        document.add(footer);
    }

    private static Paragraph field(PdfFonts.Faces fonts, String label, String value) {
        return new Paragraph().add(new Text(label + " : ").setFont(fonts.bold()))
                .add(value).setFontSize(11).setMarginTop(0).setMarginBottom(1);
    }
}
