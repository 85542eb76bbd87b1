package fr.jalon.results;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import fr.jalon.platform.validation.FieldError;
import fr.jalon.testing.ResultsCsv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PixResultsFileTest {

    private static List<String> codes(PixResultsFile.Content content) {
        return content.errors().stream().map(FieldError::code).toList();
    }

    @Test
    void the2026ExportWithAComplementaryColumnIsRead() {
        byte[] file = ResultsCsv.v2026()
                .row("123456", "Anne-Sophie", "D'Artigues", "02/04/1980", "Validée", "412", ResultsCsv.levels(3), "Validée",
                        "RAS", 98765)
                .row("123457", "Chloé", "Ézéchiel", "15/01/2001", "Annulée", "-", ResultsCsv.noLevels(), "-", "", 98765)
                .bytes();
        PixResultsFile.Content content = PixResultsFile.read(file);
        assertEquals(List.of(), content.errors());
        PixResultsFile.Row anne = content.rows().getFirst();
        assertEquals("D'Artigues", anne.lastName());
        assertEquals(LocalDate.of(1980, 4, 2), anne.birthDate());
        assertEquals(ResultStatus.VALIDATED, anne.status());
        assertEquals(412, anne.score());
        assertEquals(16, anne.levels().size());
        assertEquals(3, anne.levels().get(15));
        assertEquals(List.of(new CertificationResult.Complementary("CléA Numérique", "VALIDATED")), anne.complementary());
        assertEquals("Pix", anne.certificationType());
        assertEquals(98765L, anne.sessionNumber());
        PixResultsFile.Row cancelled = content.rows().get(1);
        assertEquals(ResultStatus.CANCELLED, cancelled.status());
        assertNull(cancelled.score());
        assertTrue(cancelled.levels().stream().allMatch(l -> l == null), "'-' is no value");
        assertEquals(List.of(), cancelled.complementary());
    }

    @Test
    void theLegacyExportWithoutBomIsReadByHeaderNames() {
        byte[] file = ResultsCsv.legacy().row("42", "Jean", "Lacoste-Labat", "30/11/1975", "Rejetée", "120",
                "1;2;0;1;2;1;0;1;1;0;0;2;1;1;0;1", "", "Score insuffisant", 777).text().getBytes(StandardCharsets.UTF_8);
        PixResultsFile.Content content = PixResultsFile.read(file);
        assertEquals(List.of(), content.errors());
        assertEquals(120, content.rows().getFirst().score());
        assertEquals(ResultStatus.REJECTED, content.rows().getFirst().status());
        assertNull(content.rows().getFirst().certificationType());
    }

    @Test
    void columnsAreFoundByNameWhateverTheirOrder() {
        String header = ResultsCsv.legacy().header();
        String[] columns = header.split(";");
        String row = ResultsCsv.legacy().row("42", "Jean", "Dupont", "30/11/1975", "Validée", "300", ResultsCsv.levels(2),
                "", "", 777).text().lines().skip(1).findFirst().orElseThrow();
        String[] cells = row.split(";", -1);
        // Swap the first two columns in both header and row.
        String swappedHeader = columns[1] + ";" + columns[0] + header.substring(columns[0].length() + columns[1].length() + 1);
        String swappedRow = cells[1] + ";" + cells[0] + row.substring(cells[0].length() + cells[1].length() + 1);
        PixResultsFile.Content content = PixResultsFile.read((swappedHeader + "\n" + swappedRow).getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), content.errors());
        assertEquals("42", content.rows().getFirst().certificationNumber());
        assertEquals("Jean", content.rows().getFirst().firstName());
    }

    @Test
    void badValuesAreReportedWithTheirLine() {
        byte[] file = ResultsCsv.v2026()
                .row("1", "A", "B", "01/01/1990", "Validée", "1025", ResultsCsv.levels(3), "", "", 1)
                .row("2", "C", "D", "01/01/1990", "Réussie", "300", ResultsCsv.levels(3), "", "", 1)
                .row("3", "E", "F", "01/01/1990", "Validée", "300", "9;" + "3;".repeat(14) + "3", "", "", 1)
                .row("4", "G", "H", "31/02/1990", "Validée", "-", ResultsCsv.levels(3), "Peut-être", "", 1)
                .bytes();
        PixResultsFile.Content content = PixResultsFile.read(file);
        assertEquals(List.of("score_out_of_range", "unknown_status", "level_out_of_range", "invalid_date", "score_missing",
                "unknown_status"), codes(content));
        assertEquals(List.of(2, 3, 4, 5, 5, 5), content.errors().stream().map(FieldError::line).toList());
    }

    @Test
    void aFileFromElsewhereIsRefusedByItsHeaders() {
        String header = ResultsCsv.v2026().header().replace("Statut", "Résultat");
        PixResultsFile.Content content = PixResultsFile.read((header + "\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(codes(content).containsAll(List.of("unknown_column", "missing_column")), codes(content).toString());
    }

    @Test
    void aWindows1252FileIsRefusedWithAnExportAgainMessage() {
        byte[] file = ResultsCsv.v2026().row("1", "Chloé", "Ézéchiel", "15/01/2001", "Validée", "300", ResultsCsv.levels(3),
                "", "", 1).text().getBytes(Charset.forName("windows-1252"));
        PixResultsFile.Content content = PixResultsFile.read(file);
        assertEquals(List.of("encoding"), codes(content));
        assertTrue(content.errors().getFirst().message().contains("UTF-8"));
    }

    @Test
    void theGlobalLevelFollowsThePixTable() {
        assertEquals(0, GlobalLevel.of(63));
        assertEquals(1, GlobalLevel.of(64));
        assertEquals(2, GlobalLevel.of(255));
        assertEquals(3, GlobalLevel.of(256));
        assertEquals(4, GlobalLevel.of(412));
        assertEquals(7, GlobalLevel.of(895));
        assertEquals(8, GlobalLevel.of(896));
        assertEquals("Indépendant 4", GlobalLevel.label(GlobalLevel.of(412)));
    }
}
