package fr.jalon.documents;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import fr.jalon.bench.BenchSupport.Goal;
import fr.jalon.bench.BenchSupport;
import fr.jalon.bench.PdfFloor;
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
 * sheets and pages rendered per second, after a warm-up period of the same size, against the
 * same cells laid out by bare iText ({@link PdfFloor}: a title and a plain table per session) in
 * alternating rounds. Goals: at least 200 pages/s on 2 cores, and a sheet at most 4 times the
 * cost of the bare table.
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
        List<List<String>> cells = new ArrayList<>();
        cells.add(List.of("Nom", "Prénom", "Date de naissance", "Identifiant externe", "Tiers-temps", "Signature"));
        for (AttendanceLine line : lines) {
            cells.add(List.of(line.birthName(), line.firstName(), line.birthDate().toString(), line.externalId(),
                    line.extraTimePercent() == null ? "" : line.extraTimePercent() + " %", ""));
        }
        render(kits, lines);
        floor(kits, cells);
        double seconds = 0;
        double floorSeconds = 0;
        int pages = 0;
        for (int round = 0; round < 2; round++) {
            long started = System.nanoTime();
            pages += render(kits, lines);
            seconds += (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            floor(kits, cells);
            floorSeconds += (System.nanoTime() - started) / 1e9;
        }
        assertEquals(2 * SESSIONS * 2, pages);
        int sheets = 2 * SESSIONS;

        String summary = String.format(Locale.ROOT,
                "documents: attendance sheets of %d candidates (%d sessions), twice: %d pages in %.2f s = %.0f pages/s, "
                        + "%.0f sheets/s = %.2f x the cost of bare iText tables of the same cells (%.0f/s)",
                SESSIONS * PER_SESSION, SESSIONS, pages, seconds, pages / seconds, sheets / seconds,
                seconds / floorSeconds, sheets / floorSeconds);
        BenchSupport.report("documents", Jsons.createObjectBuilder()
                .add("name", "documents")
                .add("candidates", SESSIONS * PER_SESSION)
                .add("pages", pages)
                .add("seconds", BenchSupport.round(seconds))
                .add("pagesPerSecond", Math.round(pages / seconds))
                .add("sheetsPerSecond", Math.round(sheets / seconds))
                .add("floorSheetsPerSecond", Math.round(sheets / floorSeconds))
                .add("costRatio", BenchSupport.ratio(seconds, floorSeconds)), summary,
                Goal.atLeast("pagesPerSecond", 200), Goal.atMost("costRatio", 4));
    }

    private static void floor(List<SessionKit> kits, List<List<String>> cells) {
        for (SessionKit kit : kits) {
            PdfFloor.table("Feuille d'émargement " + kit.session().siteName() + " " + kit.session().roomName(), cells);
        }
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
