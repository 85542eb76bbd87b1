package fr.jalon.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import fr.jalon.candidates.Candidates.AttendanceLine;
import fr.jalon.sessions.SessionSlot;
import fr.jalon.sessions.SessionStatus;
import fr.jalon.sessions.SessionView;
import fr.jalon.sessions.Sessions.SessionKit;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionDocumentsTest {

    private static final SessionKit KIT = new SessionKit(new SessionView(UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), "Médiathèque de Dax", UUID.randomUUID(), "Salle Adour",
            new SessionSlot(LocalDate.of(2026, 3, 3), LocalTime.of(9, 30), 105, SessionSlot.PARIS), 25, 23,
            SessionStatus.SCHEDULED, "PIX", null, 123456L, "Marie Lafitte"), "BCDF23", "C-b7Kx!2");

    private static List<AttendanceLine> candidates(int n) {
        List<AttendanceLine> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(new AttendanceLine("DUPONT-" + i, "Léa", LocalDate.of(1990, 4, 12), "EXT-" + i, i == 0 ? 33 : null));
        }
        return lines;
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "1, 1", "20, 1", "21, 2", "40, 2", "41, 3"})
    void anAttendanceSheetHasOnePagePerTwentyCandidates(int candidates, int pages) throws IOException {
        assertEquals(pages, SessionDocuments.sheetPages(candidates));
        try (PdfDocument pdf = read(SessionDocuments.attendanceSheet("Centre des Landes", KIT, candidates(candidates)))) {
            assertEquals(pages, pdf.getNumberOfPages());
        }
    }

    @Test
    void theSheetListsEachCandidateAsPixPrintsThem() throws IOException {
        try (PdfDocument pdf = read(SessionDocuments.attendanceSheet("Centre des Landes", KIT, candidates(23)))) {
            String first = PdfTextExtractor.getTextFromPage(pdf.getPage(1));
            assertTrue(first.contains("Feuille d'émargement") && first.contains("123456") && first.contains("03/03/2026"), first);
            assertTrue(first.contains("DUPONT-0") && first.contains("12/04/1990") && first.contains("EXT-0")
                    && first.contains("33 %"), first);
            assertTrue(first.contains("DUPONT-19") && !first.contains("DUPONT-20"), "20 per page");
            String second = PdfTextExtractor.getTextFromPage(pdf.getPage(2));
            assertTrue(second.contains("DUPONT-22") && second.contains("Page 2 / 2"), second);
        }
    }

    @Test
    void theKitCarriesTheCodesAndTheInvigilators() throws IOException {
        try (PdfDocument pdf = read(SessionDocuments.kit("Centre des Landes", KIT))) {
            String text = PdfTextExtractor.getTextFromPage(pdf.getPage(1));
            for (String expected : List.of("123456", "03/03/2026", "09:30", "Médiathèque de Dax", "Salle Adour", "BCDF23",
                    "C-b7Kx!2", "Marie Lafitte")) {
                assertTrue(text.contains(expected), expected + " in " + text);
            }
        }
    }

    private static PdfDocument read(byte[] pdf) throws IOException {
        return new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)));
    }
}
