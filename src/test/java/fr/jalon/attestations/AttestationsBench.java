package fr.jalon.attestations;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import fr.jalon.bench.BenchSupport.Goal;
import fr.jalon.bench.BenchSupport;
import fr.jalon.bench.PdfFloor;
import fr.jalon.candidates.EnrolmentStatus;
import fr.jalon.platform.json.Jsons;
import fr.jalon.results.CertificationResult;
import fr.jalon.results.ResultStatus;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.ResultsCsv;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Attestations: a 50-candidate session downloaded as one PDF over HTTP (first download: 50 codes
 * issued and 50 pages rendered; goal under 1 s), against the renderer alone producing the same 50
 * pages in process (what HTTP, the data and the codes add); then the rendering rate over 5,000
 * attestations (100 session PDFs of 50 pages; goal at least 200 pages/s on 2 cores) against the
 * same text laid out by bare iText ({@link PdfFloor}), in alternating rounds; the size per page;
 * the rate and size of single-attestation files (what each candidate receives); the ZIP of a
 * session's single files, reported without a goal.
 */
class AttestationsBench {

    private static final int PER_SESSION = 50;
    private static final int SESSIONS = 100;
    private static final int SINGLE_FILES = 500;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Test
    void sessionPdfAndPagesPerSecond() throws Exception {
        WebServer server = BenchSupport.startServer();
        double firstSeconds;
        double againSeconds;
        double zipSeconds;
        try {
            ApiClient admin = new ApiClient("http://localhost:" + server.port(), JalonServer.adminToken());
            download(admin, sessionWithResults(admin, pixNumber()), "pdf");
            String session = sessionWithResults(admin, pixNumber());
            long started = System.nanoTime();
            byte[] pdf = download(admin, session, "pdf");
            firstSeconds = (System.nanoTime() - started) / 1e9;
            assertEquals(PER_SESSION, pages(pdf));
            started = System.nanoTime();
            download(admin, session, "pdf");
            againSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            download(admin, session, "zip");
            zipSeconds = (System.nanoTime() - started) / 1e9;
        } finally {
            server.stop();
        }

        List<AttestationPdf.Page> session = pages();
        AttestationPdf.render(session);
        long started = System.nanoTime();
        AttestationPdf.render(session);
        double rendererSeconds = (System.nanoTime() - started) / 1e9;
        List<String> titles = new ArrayList<>();
        List<List<String>> texts = new ArrayList<>();
        for (AttestationPdf.Page page : session) {
            titles.add("Attestation de résultats de certification Pix");
            texts.add(List.of(page.subject().firstName() + " " + page.subject().birthName(),
                    "Né(e) le " + page.subject().birthDate() + " à " + page.subject().birthCity(),
                    "Session du " + page.subject().sessionDate() + ", " + page.subject().site(),
                    "Score " + page.result().score() + " pix, niveau " + page.result().globalLevel(),
                    "Compétences " + page.result().competences(),
                    "Code de vérification " + page.code() + " " + page.verificationUrl()));
        }
        PdfFloor.pages(titles, texts);
        double renderSeconds = 0;
        double floorSeconds = 0;
        long bytes = 0;
        for (int round = 0; round < 2; round++) {
            started = System.nanoTime();
            for (int s = 0; s < SESSIONS / 2; s++) {
                bytes += AttestationPdf.render(session).length;
            }
            renderSeconds += (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            for (int s = 0; s < SESSIONS / 2; s++) {
                PdfFloor.pages(titles, texts);
            }
            floorSeconds += (System.nanoTime() - started) / 1e9;
        }
        int pages = SESSIONS * PER_SESSION;
        started = System.nanoTime();
        long singleBytes = 0;
        for (int n = 0; n < SINGLE_FILES; n++) {
            singleBytes += AttestationPdf.render(List.of(session.get(n % PER_SESSION))).length;
        }
        double singleSeconds = (System.nanoTime() - started) / 1e9;

        String summary = String.format(Locale.ROOT,
                "attestations: 50-candidate session PDF over HTTP %.2f s on first download (codes issued) = %.2f x the "
                        + "renderer alone (%.2f s), %.2f s again, ZIP of single files %.2f s; %d attestations in session "
                        + "PDFs: %.1f s = %.0f pages/s = %.2f x the cost of bare iText pages of the same text (%.0f pages/s), "
                        + "%.1f KB per page; single-attestation files: %.0f files/s, %.1f KB each",
                firstSeconds, firstSeconds / rendererSeconds, rendererSeconds, againSeconds, zipSeconds, pages,
                renderSeconds, pages / renderSeconds, renderSeconds / floorSeconds, pages / floorSeconds,
                bytes / (double) pages / 1024, SINGLE_FILES / singleSeconds, singleBytes / (double) SINGLE_FILES / 1024);
        BenchSupport.report("attestations", Jsons.createObjectBuilder()
                .add("name", "attestations")
                .add("sessionPdfFirstSeconds", BenchSupport.round(firstSeconds))
                .add("rendererAloneSeconds", BenchSupport.round(rendererSeconds))
                .add("sessionPdfFirstRatio", BenchSupport.ratio(firstSeconds, rendererSeconds))
                .add("sessionPdfAgainSeconds", BenchSupport.round(againSeconds))
                .add("sessionZipSeconds", BenchSupport.round(zipSeconds))
                .add("pages", pages)
                .add("renderSeconds", BenchSupport.round(renderSeconds))
                .add("pagesPerSecond", Math.round(pages / renderSeconds))
                .add("floorPagesPerSecond", Math.round(pages / floorSeconds))
                .add("renderCostRatio", BenchSupport.ratio(renderSeconds, floorSeconds))
                .add("bytesPerPage", bytes / pages)
                .add("singleFilesPerSecond", Math.round(SINGLE_FILES / singleSeconds))
                .add("bytesPerSingleFile", singleBytes / SINGLE_FILES), summary,
                Goal.below("sessionPdfFirstSeconds", 1), Goal.atLeast("pagesPerSecond", 200));
    }

    /** A finalized session of 50 present candidates whose results were imported from a Pix export. */
    private static String sessionWithResults(ApiClient admin, long pixNumber) {
        Fixtures fixtures = new Fixtures(admin);
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), PER_SESSION), TestTime.todayInParis().plusDays(40),
                "09:00");
        ResultsCsv csv = ResultsCsv.v2026();
        String tag = Fixtures.uniqueLetters();
        for (int n = 0; n < PER_SESSION; n++) {
            LocalDate birth = LocalDate.of(1950 + n, 1 + n % 12, 1 + n % 28);
            String name = "Lafargue-" + tag + "-" + Fixtures.letters(n);
            fixtures.enrol(session, name, "Éloïse", birth.toString());
            csv.row(ResultsCsv.newNumber(), "Éloïse", name, birth.format(DAY), "Validée", String.valueOf(200 + n * 10),
                    ResultsCsv.levels(n % 8), n % 2 == 0 ? "Validée" : "-", "", pixNumber);
        }
        var db = TestDatabase.get().database().client().execute();
        db.dml("UPDATE sessions SET status = 'FINALIZED', pix_number = ? WHERE id = ?", pixNumber, UUID.fromString(session));
        db.dml("UPDATE enrolments SET status = 'PRESENT' WHERE session_id = ?", UUID.fromString(session));
        ApiClient.Answer imported = admin.sendBytes("POST", "/api/v1/sessions/" + session + "/results", "text/csv",
                csv.bytes());
        assertEquals(200, imported.status(), imported.body());
        return session;
    }

    private static long pixNumber() {
        return 800_000_000L + ThreadLocalRandom.current().nextInt(100_000_000);
    }

    private static byte[] download(ApiClient admin, String session, String format) {
        ApiClient.Download download = admin.download("/api/v1/sessions/" + session + "/attestations." + format);
        assertEquals(200, download.status());
        return download.body();
    }

    /** Fifty attestations as the renderer receives them, with accents, long names and every competence. */
    private static List<AttestationPdf.Page> pages() {
        List<AttestationPdf.Page> pages = new ArrayList<>();
        UUID session = UUID.randomUUID();
        for (int n = 0; n < PER_SESSION; n++) {
            UUID enrolment = UUID.randomUUID();
            var subject = new AttestationSubject(enrolment, session, UUID.randomUUID(), EnrolmentStatus.PRESENT,
                    "Etcheverry-Lœuillet " + n, "Marie-Éloïse", LocalDate.of(1960 + n % 40, 1 + n % 12, 1 + n % 28),
                    "Mont-de-Marsan", "France", LocalDate.of(2026, 11, 24), "Maison du numérique", "Mont-de-Marsan",
                    "Agence départementale d'inclusion numérique des Landes");
            var result = new CertificationResult(enrolment, session, String.valueOf(1_000_000_000L + n), "Pix",
                    ResultStatus.VALIDATED, 300 + n * 10, 3 + n % 5, Collections.nCopies(16, n % 8),
                    List.of(new CertificationResult.Complementary("CléA Numérique", "VALIDATED")), null,
                    LocalDate.of(2026, 11, 24), 1, Instant.now());
            String code = "P-" + "BCDFGHJK".substring(n % 8) + "2346789".substring(0, n % 8);
            pages.add(new AttestationPdf.Page(AttestationKind.RESULTS, subject, result, code,
                    "https://certification.example.org/verify/" + code, LocalDate.of(2026, 12, 1)));
        }
        return pages;
    }

    private static int pages(byte[] pdf) throws Exception {
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            return document.getNumberOfPages();
        }
    }
}
