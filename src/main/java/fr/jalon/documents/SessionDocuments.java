package fr.jalon.documents;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

import fr.jalon.candidates.Candidates.AttendanceLine;
import fr.jalon.platform.pdf.PdfFonts;
import fr.jalon.sessions.Sessions.SessionKit;

import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.AreaBreakType;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;

/**
 * The papers of a session day, with the fields Pix prints: the invigilator kit (session number,
 * date, time, site, room, access code, {@code C-} invigilator password, invigilators) and the
 * attendance sheet « Feuille d'émargement », 20 candidates per page with a signature box.
 */
final class SessionDocuments {

    static final int ROWS_PER_PAGE = 20;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float MM = 72f / 25.4f;

    private SessionDocuments() {
    }

    /** Pages an attendance sheet takes: one per 20 candidates, at least one. */
    static int sheetPages(int candidates) {
        return Math.max(1, (candidates + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
    }

    static byte[] kit(String centre, SessionKit kit) {
        return render((document, fonts) -> addKit(document, fonts, centre, kit));
    }

    static byte[] attendanceSheet(String centre, SessionKit kit, List<AttendanceLine> lines) {
        return render((document, fonts) -> addSheet(document, fonts, centre, kit, lines));
    }

    private interface Content {
        void into(Document document, PdfFonts.Faces fonts);
    }

    private static byte[] render(Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out)); Document document = new Document(pdf, PageSize.A4)) {
            PdfFonts.Faces fonts = PdfFonts.forDocument();
            document.setFont(fonts.regular()).setFontSize(10);
            document.setMargins(15 * MM, 15 * MM, 15 * MM, 15 * MM);
            content.into(document, fonts);
        }
        return out.toByteArray();
    }

    private static void addKit(Document document, PdfFonts.Faces fonts, String centre, SessionKit kit) {
        var s = kit.session();
        document.add(new Paragraph("Kit surveillant — certification Pix").setFontSize(18).setFont(fonts.bold()));
        document.add(new Paragraph(centre).setFontSize(12));
        Table table = new Table(UnitValue.createPercentArray(new float[] {35, 65})).useAllAvailableWidth().setMarginTop(6 * MM);
        row(table, fonts, "Numéro de session", sessionNumber(kit));
        row(table, fonts, "Date", DATE.format(s.slot().date()));
        row(table, fonts, "Heure", s.slot().startTime() + " – " + s.slot().endTime());
        row(table, fonts, "Site", s.siteName());
        row(table, fonts, "Salle", s.roomName());
        row(table, fonts, "Code d'accès candidats", kit.accessCode());
        row(table, fonts, "Mot de passe surveillant", kit.invigilatorPassword());
        row(table, fonts, "Surveillant(s)", s.declaredInvigilators() == null ? "—" : s.declaredInvigilators());
        row(table, fonts, "Places / inscrits", s.capacity() + " / " + s.seatsTaken());
        document.add(table);
        document.add(new Paragraph("Donnez le code d'accès aux candidats au début de la session. Le mot de passe "
                + "surveillant ne se communique pas aux candidats.").setMarginTop(6 * MM).setFontSize(9));
    }

    private static void addSheet(Document document, PdfFonts.Faces fonts, String centre, SessionKit kit,
                                 List<AttendanceLine> lines) {
        var s = kit.session();
        int pages = sheetPages(lines.size());
        for (int page = 0; page < pages; page++) {
            if (page > 0) {
                document.add(new AreaBreak(AreaBreakType.NEXT_PAGE));
            }
            document.add(new Paragraph("Feuille d'émargement").setFontSize(16).setFont(fonts.bold()));
            document.add(new Paragraph(centre + " — session n° " + sessionNumber(kit) + " — " + DATE.format(s.slot().date())
                    + " à " + s.slot().startTime() + "\n" + s.siteName() + ", " + s.roomName() + " — surveillant(s) : "
                    + (s.declaredInvigilators() == null ? "" : s.declaredInvigilators())).setFontSize(9));
            Table table = new Table(UnitValue.createPercentArray(new float[] {22, 20, 14, 16, 8, 20})).useAllAvailableWidth();
            for (String title : List.of("Nom de naissance", "Prénom", "Date de naissance", "Identifiant externe",
                    "Temps majoré", "Signature")) {
                table.addHeaderCell(new Cell().add(new Paragraph(title).setFont(fonts.bold()).setFontSize(8))
                        .setBackgroundColor(ColorConstants.LIGHT_GRAY));
            }
            List<AttendanceLine> chunk = lines.subList(page * ROWS_PER_PAGE,
                    Math.min(lines.size(), (page + 1) * ROWS_PER_PAGE));
            for (AttendanceLine line : chunk) {
                cell(table, line.birthName());
                cell(table, line.firstName());
                cell(table, DATE.format(line.birthDate()));
                cell(table, line.externalId() == null ? "" : line.externalId());
                cell(table, line.extraTimePercent() == null || line.extraTimePercent() == 0 ? ""
                        : line.extraTimePercent() + " %");
                table.addCell(new Cell().setHeight(9 * MM).setBorder(new SolidBorder(0.8f)));
            }
            document.add(table);
            document.add(new Paragraph("Page " + (page + 1) + " / " + pages).setTextAlignment(TextAlignment.RIGHT)
                    .setFontSize(8));
        }
    }

    private static String sessionNumber(SessionKit kit) {
        return kit.session().pixNumber() == null ? "à reporter depuis Pix Certif" : kit.session().pixNumber().toString();
    }

    private static void row(Table table, PdfFonts.Faces fonts, String label, String value) {
        table.addCell(new Cell().add(new Paragraph(label).setFont(fonts.bold())));
        table.addCell(new Cell().add(new Paragraph(value).setFontSize(12)));
    }

    private static void cell(Table table, String text) {
        table.addCell(new Cell().setHeight(9 * MM).add(new Paragraph(text).setFontSize(9)));
    }
}
