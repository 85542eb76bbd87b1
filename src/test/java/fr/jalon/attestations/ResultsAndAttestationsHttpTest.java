package fr.jalon.attestations;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Db;
import fr.jalon.testing.Documents;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.Mails;
import fr.jalon.testing.Outbox;
import fr.jalon.testing.ResultsCsv;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.xobject.PdfImageXObject;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * From a finalized session to verified attestations, over HTTP: results imported from a Pix
 * Certif export (again: nothing changes; corrected: updated with history), attestations
 * downloaded one by one, as one PDF and as a ZIP, checked by text extraction and by decoding
 * their QR code, then verified publicly (valid, revoked, unknown).
 */
@HttpTest
class ResultsAndAttestationsHttpTest {

    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ApiClient admin;
    private final Fixtures fixtures;

    ResultsAndAttestationsHttpTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    private record Finalized(String session, ApiClient staff, String anne, String bruno, String chloe, String david) {
    }

    /** Four candidates: Anne, Chloé and David present, Bruno absent; the session finalized. */
    private Finalized finalizedSession() {
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 10), TestTime.todayInParis().plusDays(25), "09:00");
        String anne = fixtures.enrolWithEmail(session, "D'Artigues", "Anne-Sophie", "1980-04-02", "anne@example.org");
        String bruno = fixtures.enrol(session, "Lacoste-Labat", "Bruno", "1975-11-30");
        String chloe = fixtures.enrol(session, "Ézéchiel", "Chloé", "2001-01-15");
        String david = fixtures.enrol(session, "Martin", "David", "1992-07-07");
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", center));
        Fixtures.startedAnHourAgo(session);
        for (String present : List.of(anne, chloe, david)) {
            assertEquals(200, staff.put("/api/v1/enrolments/" + present + "/attendance",
                    Jsons.createObjectBuilder().add("status", "PRESENT").build()).status());
        }
        assertEquals(200, staff.put("/api/v1/enrolments/" + bruno + "/attendance",
                Jsons.createObjectBuilder().add("status", "ABSENT").build()).status());
        assertEquals(200, staff.put("/api/v1/sessions/" + session + "/finalization", Jsons.createObjectBuilder().build())
                .status());
        return new Finalized(session, staff, anne, bruno, chloe, david);
    }

    private static ApiClient.Answer importResults(ApiClient client, String session, byte[] csv) {
        return client.sendBytes("POST", "/api/v1/sessions/" + session + "/results", "text/csv", csv);
    }

    /** Pix's export of the session imported: Anne validated (412 pix, level 3), Chloé's test cancelled. */
    @Nested
    class ResultsImported {

        Finalized f;
        long pixSession;
        String anneNumber;
        String chloeNumber;
        ResultsCsv file;

        @BeforeEach
        void imported() {
            f = finalizedSession();
            pixSession = 500_000 + ThreadLocalRandom.current().nextInt(400_000);
            anneNumber = ResultsCsv.newNumber();
            chloeNumber = ResultsCsv.newNumber();
            file = ResultsCsv.v2026()
                    .row(anneNumber, "Anne-Sophie", "D'ARTIGUES", "02/04/1980", "Validée", "412", ResultsCsv.levels(3),
                            "Validée", "RAS", pixSession)
                    .row(chloeNumber, "Chloé", "Ézéchiel", "15/01/2001", "Annulée", "-", ResultsCsv.noLevels(), "-",
                            "Test interrompu", pixSession);
            ApiClient.Answer first = importResults(f.staff(), f.session(), file.bytes());
            assertEquals(200, first.status(), first.body());
            assertEquals(2, first.json().getInt("created"));
            TestDatabase.get().application().notifications().plan();
        }

        String codeOf(String enrolment) {
            return codeIn(text(f.staff().download("/api/v1/enrolments/" + enrolment + "/attestation.pdf").body()));
        }

        @Test
        void theSessionHasResultsAndTheSameFileAgainChangesNothing() {
            assertEquals("RESULTS_IMPORTED", f.staff().get("/api/v1/sessions/" + f.session()).json().getString("status"));
            ApiClient.Answer again = importResults(f.staff(), f.session(), file.bytes());
            assertEquals(2, again.json().getInt("unchanged"), again.body());
            assertEquals(0, again.json().getInt("created") + again.json().getInt("updated"));
        }

        @Test
        void anneGetsAOnePageAttestationWithEveryFieldAndAQrCode() throws Exception {
            ApiClient.Download pdf = f.staff().download("/api/v1/enrolments/" + f.anne() + "/attestation.pdf");
            assertEquals(200, pdf.status());
            assertEquals("application/pdf", pdf.contentType());
            String text = text(pdf.body());
            for (String expected : List.of("Attestation de résultats", "D'Artigues", "Anne-Sophie", "02/04/1980",
                    "Mont-de-Marsan", "Validée", "412 pix sur 895", "Indépendant 4", anneNumber, "Mener une recherche",
                    "Construire un environnement numérique", "CléA Numérique : obtenue", "Code de vérification : P-")) {
                assertTrue(text.contains(expected), expected + " in:\n" + text);
            }
            String code = codeIn(text);
            assertTrue(code.matches("P-[2346789BCDFGHJKMPQRTVWXY]{10}"), code);
            assertEquals(1, pages(pdf.body()));
            assertTrue(qrOf(pdf.body()).endsWith("/verify/" + code), "the QR code leads to the verification page");
            assertArrayEquals(pdf.body(), f.staff().download("/api/v1/enrolments/" + f.anne() + "/attestation.pdf").body());
        }

        @Test
        void aCodeOfTheOlderEightCharacterFormStillVerifies() {
            String code = codeIn(text(f.staff().download("/api/v1/enrolments/" + f.anne() + "/attestation.pdf").body()));
            String older = "P-" + code.substring(2, 10);
            // As issued before codes had 10 characters.
            TestDatabase.get().database().client().execute().dml("UPDATE attestations SET code = ? WHERE code = ?",
                    older, code);
            ApiClient.Answer checked = admin.get("/api/v1/public/attestations/" + older.toLowerCase());
            assertEquals(200, checked.status(), checked.body());
            assertEquals(older, checked.json().getString("code"));
        }

        @Test
        void davidPresentWithoutResultsGetsAnAttendanceAttestationAndAbsentBrunoNone() {
            String david = text(f.staff().download("/api/v1/enrolments/" + f.david() + "/attestation.pdf").body());
            assertTrue(david.contains("Attestation de présence") && !david.contains("pix sur"), david);
            assertEquals(409, f.staff().download("/api/v1/enrolments/" + f.bruno() + "/attestation.pdf").status(),
                    "an absent candidate gets no attestation");
        }

        @Test
        void theSessionPdfAndZipHoldTheThreeAttestations() throws Exception {
            ApiClient.Download all = f.staff().download("/api/v1/sessions/" + f.session() + "/attestations.pdf");
            assertEquals(3, pages(all.body()), "Anne, Chloé (results) and David (attendance)");
            List<String> names = zipNames(f.staff().download("/api/v1/sessions/" + f.session() + "/attestations.zip").body());
            String day = f.staff().get("/api/v1/sessions/" + f.session()).json().getString("date");
            assertTrue(names.contains("attestation-d-artigues-anne-sophie-" + day + ".pdf"), names.toString());
            assertEquals(3, names.size());
        }

        @Test
        void anEmployerVerifiesTheCode() {
            String code = codeOf(f.anne());
            ApiClient anyone = admin.as(null);
            JsonObject verified = anyone.get("/api/v1/public/attestations/" + code).json();
            assertEquals("A. D'Artigues", verified.getString("holder"));
            assertEquals(412, verified.getInt("score"));
            assertTrue(verified.getBoolean("valid"));
            ApiClient.Answer page = anyone.get("/verify/" + code.toLowerCase());
            assertEquals(200, page.status());
            assertTrue(page.body().contains("Attestation authentique") && page.body().contains("Indépendant 4"), page.body());
            assertEquals(404, anyone.get("/api/v1/public/attestations/P-BCDFGHJK").status());
            ApiClient.Answer unknownPage = anyone.get("/verify/nimporte-quoi");
            assertEquals(404, unknownPage.status());
            assertTrue(unknownPage.body().contains("Aucune attestation ne correspond"));
        }

        @Test
        void staffRevokeOneByHandAndTheListSaysWhy() {
            String chloeCode = codeOf(f.chloe());
            ApiClient other = admin.as(fixtures.tokenFor("CENTER_STAFF", fixtures.center()));
            assertEquals(404, other.post("/api/v1/attestations/" + chloeCode + "/revocation",
                    Jsons.createObjectBuilder().add("reason", "erreur").build()).status());
            assertEquals(404, other.download("/api/v1/enrolments/" + f.chloe() + "/attestation.pdf").status());
            assertEquals(204, f.staff().post("/api/v1/attestations/" + chloeCode + "/revocation",
                    Jsons.createObjectBuilder().add("reason", "Remise par erreur").build()).status());
            assertTrue(admin.as(null).get("/verify/" + chloeCode).body().contains("Attestation révoquée"));

            List<JsonObject> listed = f.staff().get("/api/v1/sessions/" + f.session() + "/attestations").json()
                    .getJsonArray("items").getValuesAs(JsonObject.class);
            JsonObject chloeListed = listed.stream().filter(a -> a.getString("code").equals(chloeCode)).findFirst()
                    .orElseThrow();
            assertFalse(chloeListed.getBoolean("valid"));
            assertEquals("Remise par erreur", chloeListed.getString("revocationReason"));
            assertEquals(f.chloe(), chloeListed.getString("enrolmentId"));
            assertEquals(404, other.get("/api/v1/sessions/" + f.session() + "/attestations").status());
        }

        /** A corrected export: Anne's score becomes 520 (level 4) after a claim; Chloé's line is the same. */
        @Nested
        class Corrected {

            String oldCode;

            @BeforeEach
            void corrected() {
                oldCode = codeOf(f.anne());
                ResultsCsv corrected = ResultsCsv.v2026()
                        .row(anneNumber, "Anne-Sophie", "D'ARTIGUES", "02/04/1980", "Validée", "520", ResultsCsv.levels(4),
                                "Validée", "Correction après réclamation", pixSession)
                        .row(chloeNumber, "Chloé", "Ézéchiel", "15/01/2001", "Annulée", "-", ResultsCsv.noLevels(), "-",
                                "Test interrompu", pixSession);
                ApiClient.Answer correction = importResults(f.staff(), f.session(), corrected.bytes());
                assertEquals(1, correction.json().getInt("updated"), correction.body());
                assertEquals(1, correction.json().getInt("unchanged"));
            }

            @Test
            void theEarlierVersionIsKeptInTheHistory() {
                JsonObject result = f.staff().get("/api/v1/enrolments/" + f.anne() + "/result").json();
                assertEquals(520, result.getInt("score"));
                assertEquals(2, result.getInt("version"));
                JsonObject earlier = result.getJsonArray("history").getJsonObject(0);
                assertEquals(412, earlier.getInt("score"));
                assertEquals(1, earlier.getInt("version"));
                assertEquals("2026-03-03", earlier.getString("takenOn"));
                assertEquals(f.session(), earlier.getString("sessionId"));
                assertTrue(earlier.keySet().stream().allMatch(k -> k.matches("[a-z][a-zA-Z0-9]*")), earlier.keySet().toString());
            }

            @Test
            void theOldAttestationIsRevokedAndReplacedUnderANewCode() {
                assertTrue(admin.as(null).get("/api/v1/public/attestations/" + oldCode).json().getBoolean("revoked"),
                        "the attestation of the old score no longer holds");
                String newText = text(f.staff().download("/api/v1/enrolments/" + f.anne() + "/attestation.pdf").body());
                assertTrue(newText.contains("520 pix sur 895") && !newText.contains(oldCode), "a new attestation, a new code");
                List<JsonObject> listed = f.staff().get("/api/v1/sessions/" + f.session() + "/attestations").json()
                        .getJsonArray("items").getValuesAs(JsonObject.class);
                assertTrue(listed.stream().anyMatch(a -> a.getString("code").equals(oldCode) && !a.getBoolean("valid")),
                        "the attestation replaced by the correction is listed as revoked");
                assertTrue(listed.stream().anyMatch(a -> a.getString("enrolmentId").equals(f.anne()) && a.getBoolean("valid")
                        && a.getString("verificationUrl").endsWith("/verify/" + a.getString("code"))));
            }

            @Test
            void theCandidatesAreToldAndAnnesMailCarriesHerNewAttestation() throws Exception {
                TestDatabase.get().application().notifications().plan();
                assertEquals(1L, count("SELECT count(DISTINCT offset_key) AS n FROM notifications WHERE subject_id = ? "
                        + "AND kind = 'RESULTS_AVAILABLE'", f.chloe()));
                assertEquals(2L, count("SELECT count(DISTINCT offset_key) AS n FROM notifications WHERE subject_id = ? "
                        + "AND kind = 'RESULTS_AVAILABLE'", f.anne()), "the first results, then the corrected ones");
                TestDatabase.get().application().notifications().deliver(TestTime.noonInParis());
                String sent = Db.execute().get("SELECT id FROM notifications WHERE subject_id = ? AND kind = 'RESULTS_AVAILABLE' "
                                + "AND channel = 'EMAIL' AND offset_key = 'v2' AND status = 'SENT'", UUID.fromString(f.anne()))
                        .map(row -> row.column("id").get(UUID.class).toString()).orElseThrow();
                List<String> attached = Mails.attachmentNames(Mails.read(Outbox.file(sent, "email.eml")));
                String day = f.staff().get("/api/v1/sessions/" + f.session()).json().getString("date");
                assertEquals(List.of("attestation-d-artigues-anne-sophie-" + day + ".pdf"), attached);
            }
        }
    }

    /** The same results exported in the other layout (legacy headers, no type column) are not a correction. */
    @Test
    void theSameResultsInAnotherLayoutAreUnchanged() {
        Finalized f = finalizedSession();
        long pixSession = 500_000 + ThreadLocalRandom.current().nextInt(400_000);
        String anne = ResultsCsv.newNumber();
        String chloe = ResultsCsv.newNumber();
        byte[] current = ResultsCsv.v2026()
                .row(anne, "Anne-Sophie", "D'ARTIGUES", "02/04/1980", "Validée", "412", ResultsCsv.levels(3), "-", "RAS",
                        pixSession)
                .row(chloe, "Chloé", "Ézéchiel", "15/01/2001", "Annulée", "-", ResultsCsv.noLevels(), "-", "", pixSession)
                .bytes();
        byte[] legacy = ResultsCsv.legacy()
                .row(anne, "Anne-Sophie", "D'Artigues", "02/04/1980", "Validée", "412", ResultsCsv.levels(3), "-",
                        "Rien à signaler", pixSession)
                .row(chloe, "CHLOÉ", "EZECHIEL", "15/01/2001", "Annulée", "-", ResultsCsv.noLevels(), "-", "", pixSession)
                .bytes();
        assertEquals(200, importResults(f.staff(), f.session(), current).status());
        String code = issuedCode(f);

        ApiClient.Answer again = importResults(f.staff(), f.session(), legacy);

        assertEquals(200, again.status(), again.body());
        assertEquals(2, again.json().getInt("unchanged"), again.body());
        assertEquals(0, again.json().getInt("updated"), again.body());
        JsonObject result = f.staff().get("/api/v1/enrolments/" + f.anne() + "/result").json();
        assertEquals(1, result.getInt("version"), result.toString());
        assertEquals(200, f.staff().get("/api/v1/public/attestations/" + code).status());
        assertFalse(f.staff().get("/api/v1/public/attestations/" + code).json().getBoolean("revoked"),
                "the attestation stays valid");
    }

    /** Issues Anne's attestation and returns its code. */
    private static String issuedCode(Finalized f) {
        assertEquals(200, f.staff().download("/api/v1/enrolments/" + f.anne() + "/attestation.pdf").status());
        return f.staff().get("/api/v1/sessions/" + f.session() + "/attestations").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(a -> a.getString("enrolmentId").equals(f.anne())).findFirst()
                .orElseThrow().getString("code");
    }

    @Test
    void badFilesAreRefusedPreciselyAndNothingIsApplied() {
        Finalized f = finalizedSession();
        long pixSession = 100_000 + ThreadLocalRandom.current().nextInt(400_000);
        String number = ResultsCsv.newNumber();
        ApiClient.Answer ok = importResults(f.staff(), f.session(), ResultsCsv.v2026().row(number, "David", "Martin",
                "07/07/1992", "Validée", "300", ResultsCsv.levels(2), "", "", pixSession).bytes());
        assertEquals(200, ok.status(), ok.body());

        ApiClient.Answer otherSession = importResults(f.staff(), f.session(), ResultsCsv.v2026().row(ResultsCsv.newNumber(),
                "Anne-Sophie", "D'Artigues", "02/04/1980", "Validée", "300", ResultsCsv.levels(2), "", "", pixSession + 1)
                .bytes());
        assertProblem(otherSession, 422, "session_mismatch", 2);
        ApiClient.Answer nobody = importResults(f.staff(), f.session(), ResultsCsv.v2026()
                .row(ResultsCsv.newNumber(), "Anne-Sophie", "D'Artigues", "02/04/1980", "Validée", "310", ResultsCsv.levels(2),
                        "", "", pixSession)
                .row(ResultsCsv.newNumber(), "Inconnu", "Personne", "01/01/1970", "Validée", "300", ResultsCsv.levels(2), "",
                        "", pixSession).bytes());
        assertProblem(nobody, 422, "no_match", 3);
        ApiClient.Answer twice = importResults(f.staff(), f.session(), ResultsCsv.v2026()
                .row(number, "David", "Martin", "07/07/1992", "Validée", "300", ResultsCsv.levels(2), "", "", pixSession)
                .row(number, "Chloé", "Ézéchiel", "15/01/2001", "Validée", "300", ResultsCsv.levels(2), "", "", pixSession)
                .bytes());
        assertProblem(twice, 422, "duplicate_number", 3);
        assertProblem(importResults(f.staff(), f.session(), ResultsCsv.v2026().row(ResultsCsv.newNumber(), "Chloé",
                "Ézéchiel", "15/01/2001", "Validée", "300", "9;" + "2;".repeat(14) + "2", "", "", pixSession).bytes()),
                422, "level_out_of_range", 2);
        assertEquals(1, f.staff().get("/api/v1/sessions/" + f.session() + "/results").json().getJsonArray("items").size(),
                "nothing of the refused files was applied (Anne's valid row neither)");

        ApiClient.Answer tooBig = f.staff().sendBytes("POST", "/api/v1/sessions/" + f.session() + "/results", "text/csv",
                new byte[50 * 1024 * 1024]);
        assertEquals(413, tooBig.status());

        String scheduled = fixtures.session(fixtures.room(fixtures.site(fixtures.center()), 5), TestTime.todayInParis().plusDays(9),
                "10:00");
        fixtures.enrol(scheduled, "Avant", "Finalisation", "1990-01-01");
        assertProblem(importResults(admin, scheduled, ResultsCsv.v2026().row(ResultsCsv.newNumber(), "Finalisation", "Avant",
                "01/01/1990", "Validée", "300", ResultsCsv.levels(2), "", "", pixSession + 7).bytes()), 422,
                "session_not_finalized", 2);
    }

    private static void assertProblem(ApiClient.Answer answer, int status, String code, int line) {
        assertEquals(status, answer.status(), answer.body());
        JsonObject error = answer.json().getJsonArray("errors").getJsonObject(0);
        assertEquals(code, error.getString("code"), answer.body());
        assertEquals(line, error.getInt("line"), answer.body());
    }

    static String text(byte[] pdf) {
        return Documents.pdfText(pdf);
    }

    static int pages(byte[] pdf) {
        return Documents.pdfPages(pdf);
    }

    /** Decodes the first page's QR code with ZXing (an independent reader). */
    static String qrOf(byte[] pdf) throws Exception {
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            PdfDictionary images = doc.getPage(1).getResources().getResource(PdfName.XObject);
            for (PdfName name : images.keySet()) {
                var stream = images.getAsStream(name);
                if (PdfName.Image.equals(stream.getAsName(PdfName.Subtype))) {
                    var image = enlarged(new PdfImageXObject(stream).getBufferedImage());
                    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new BufferedImageLuminanceSource(image)))).getText();
                }
            }
        }
        throw new AssertionError("no image on the page");
    }

    /** The image as a viewer shows it: each pixel (one QR module) as an 8 × 8 square, without smoothing. */
    private static BufferedImage enlarged(BufferedImage image) {
        var big = new BufferedImage(image.getWidth() * 8, image.getHeight() * 8,
                BufferedImage.TYPE_INT_RGB);
        var g = big.createGraphics();
        g.drawImage(image, 0, 0, big.getWidth(), big.getHeight(), null);
        g.dispose();
        return big;
    }

    private static String codeIn(String text) {
        Matcher code = Pattern.compile("Code de vérification : (P-[2346789BCDFGHJKMPQRTVWXY]+)").matcher(text);
        assertTrue(code.find(), text);
        return code.group(1);
    }

    private static List<String> zipNames(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static long count(String sql, String id) {
        return Db.count(sql, UUID.fromString(id));
    }
}
