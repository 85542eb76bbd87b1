package fr.jalon.documents;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import fr.jalon.bench.BenchSupport;
import fr.jalon.candidates.Candidates.AttendanceLine;
import fr.jalon.platform.json.Jsons;
import fr.jalon.sessions.SessionSlot;
import fr.jalon.sessions.SessionStatus;
import fr.jalon.sessions.SessionView;
import fr.jalon.sessions.Sessions.SessionKit;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Attendance sheets of a period of 5,000 candidates (200 sessions of 25, so 2 pages each):
 * pages rendered per second, after a warm-up period of the same size.
 */
class DocumentsBench {

    private static final int SESSIONS = 200;
    private static final int PER_SESSION = 25;

    @Test
    void attendanceSheetsOfFiveThousandCandidates() throws Exception {
        List<SessionKit> kits = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            kits.add(new SessionKit(new SessionView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    "Site " + (s % 6), UUID.randomUUID(), "Salle " + (s % 20),
                    new SessionSlot(LocalDate.of(2026, 3, 2).plusDays(s / 8), LocalTime.of(9 + s % 8, 0), 105,
                            SessionSlot.PARIS), 25, 25, SessionStatus.SCHEDULED, "PIX", null, 100_000L + s, "Marie Lafitte"),
                    "BCDF23", "C-b7Kx!2"));
        }
        List<AttendanceLine> lines = new ArrayList<>();
        for (int i = 0; i < PER_SESSION; i++) {
            lines.add(new AttendanceLine("ETCHEVERRY-" + i, "Marie-Dominique", LocalDate.of(1970 + i, 1 + i % 12, 1 + i % 28),
                    "EXT-" + i, i % 5 == 0 ? 33 : null));
        }
        render(kits, lines);
        long started = System.nanoTime();
        int pages = render(kits, lines);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(SESSIONS * 2, pages);

        String summary = String.format(Locale.ROOT,
                "documents: attendance sheets of %d candidates (%d sessions), %d pages in %.2f s = %.0f pages/s",
                SESSIONS * PER_SESSION, SESSIONS, pages, seconds, pages / seconds);
        BenchSupport.report("documents", Jsons.createObjectBuilder()
                .add("name", "documents")
                .add("candidates", SESSIONS * PER_SESSION)
                .add("pages", pages)
                .add("seconds", BenchSupport.round(seconds))
                .add("pagesPerSecond", Math.round(pages / seconds))
                .build(), summary);
    }

    private static int render(List<SessionKit> kits, List<AttendanceLine> lines) throws Exception {
        int pages = 0;
        for (SessionKit kit : kits) {
            byte[] pdf = SessionDocuments.attendanceSheet("Agence départementale d'inclusion numérique", kit, lines);
            try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
                pages += document.getNumberOfPages();
            }
        }
        return pages;
    }
}
