package fr.jalon.documents;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestTime;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kits, attendance sheets and the period archive over HTTP, for the centre's staff only. */
@HttpTest
class DocumentsHttpTest {

    private final ApiClient admin;
    private final Fixtures fixtures;

    DocumentsHttpTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    @Test
    void staffGetTheSheetsOfASessionAndTheArchiveOfAPeriod() throws Exception {
        String center = fixtures.center();
        String room = fixtures.room(fixtures.site(center), 30);
        LocalDate day = TestTime.todayInParis().plusDays(40);
        String session = fixtures.session(room, day, "09:00");
        fixtures.session(room, day, "14:00");
        String tag = Fixtures.uniqueLetters();
        for (int i = 0; i < 23; i++) {
            assertEquals(201, admin.post("/api/v1/sessions/" + session + "/enrolments", Fixtures.enrolmentBody(
                    Fixtures.personBody("Feuille-" + tag + "-" + Fixtures.letters(i), "Noé", "1980-01-0" + (1 + i % 9))))
                    .status());
        }
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));

        ApiClient.Download sheet = staff.download("/api/v1/sessions/" + session + "/attendance-sheet.pdf");
        assertEquals(200, sheet.status());
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(sheet.body())))) {
            assertEquals(2, pdf.getNumberOfPages(), "23 candidates: 2 pages");
            assertTrue(PdfTextExtractor.getTextFromPage(pdf.getPage(1)).toUpperCase().contains("FEUILLE-" + tag.toUpperCase()));
        }
        ApiClient.Download kit = staff.download("/api/v1/sessions/" + session + "/kit.pdf");
        String accessCode = admin.get("/api/v1/sessions/" + session).json().getString("accessCode");
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(kit.body())))) {
            assertTrue(PdfTextExtractor.getTextFromPage(pdf.getPage(1)).contains(accessCode));
        }

        ApiClient.Download zip = staff.download("/api/v1/sessions/documents.zip?from=" + day + "&to=" + day);
        assertEquals(200, zip.status());
        assertEquals("application/zip", zip.contentType());
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertEquals(4, names.size(), "a kit and a sheet for each of the two sessions: " + names);
        assertTrue(names.getFirst().startsWith("kit-" + day + "-0900-"), names.toString());

        ApiClient otherStaff = admin.as(fixtures.tokenFor("CENTER_STAFF", fixtures.center()));
        assertEquals(404, otherStaff.download("/api/v1/sessions/" + session + "/attendance-sheet.pdf").status());
        assertEquals(422, staff.get("/api/v1/sessions/documents.zip?from=" + day + "&to=" + day.plusMonths(4)).status());
        assertEquals(422, staff.get("/api/v1/sessions/documents.zip?from=" + day + "&to=" + day.minusDays(1)).status());
        assertEquals(400, staff.get("/api/v1/sessions/documents.zip?from=" + day).status());
    }
}
