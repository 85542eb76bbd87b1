package fr.jalon.candidates;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.validation.FieldError;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PixFileTest {

    private static PixFileReader.Content read(String text) {
        return PixFileReader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsCellsByHeaderNameWithOrWithoutBom() {
        String body = "\n;Site;Salle;12/01/2027;09:30;;;Roux;Camille;02/03/1992;F;40088;;;France;;;;;Gratuite;;oui\n";
        PixFileReader.Content plain = read(ImportHttpTest.HEADER + body);
        PixFileReader.Content bom = read("\uFEFF" + ImportHttpTest.HEADER + body);

        assertEquals(List.of(), plain.errors());
        assertEquals(plain.rows().getFirst().cells(), bom.rows().getFirst().cells());
        PixFileReader.Row row = plain.rows().getFirst();
        assertEquals(2, row.line());
        assertEquals("Camille", row.get(PixColumn.FIRST_NAME));
        assertEquals("oui", row.habilitations().get(Habilitation.CLEA));
        assertTrue(row.hasCandidate());
    }

    @Test
    void olderHeaderVariantsAreRecognised() {
        assertEquals(Optional.of(PixColumn.SESSION_NUMBER), PixColumn.forHeader("N° de session"));
        assertEquals(Optional.of(PixColumn.BIRTH_INSEE), PixColumn.forHeader("Code Insee"));
        assertEquals(Optional.of(PixColumn.BIRTH_COUNTRY), PixColumn.forHeader("* Pays"));
        assertEquals(Optional.of(PixColumn.EXTERNAL_ID), PixColumn.forHeader("Identifiant local"));
        assertEquals(Optional.of(Habilitation.PIX_PLUS_DROIT), PixFileReader.habilitationColumn("Pix+ Droit ('oui' ou laisser vide)"));
    }

    @Test
    void aRowWithOnlySessionColumnsIsAnEmptySession() {
        PixFileReader.Content content = read(ImportHttpTest.HEADER + "\n;Site;Salle;12/01/2027;09:30;Marie;;;;;;;;;;;;;;;;\n");
        assertTrue(content.errors().isEmpty(), content.errors().toString());
        assertTrue(!content.rows().getFirst().hasCandidate());
    }

    @Test
    void wrongEncodingAndSeparatorAreNamed() {
        byte[] latin1 = {'N', 'o', 'm', ';', (byte) 0xE9, '\n'};
        assertEquals("encoding", PixFileReader.read(latin1).errors().getFirst().code());
        assertEquals("encoding", PixFileReader.read(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}).errors().getFirst().code());
        FieldError separator = read(ImportHttpTest.HEADER.replace(';', ',')).errors().getFirst();
        assertEquals("separator", separator.code());
        assertTrue(separator.message().contains("virgules"));
    }

    @Test
    void pixValueFormats() {
        assertEquals(Optional.of(LocalDate.of(2027, 2, 1)), PixFormats.date("1/2/2027"));
        assertEquals(Optional.empty(), PixFormats.date("31/02/2027"));
        assertEquals(Optional.empty(), PixFormats.date("2027-02-01"));
        assertEquals(Optional.of(LocalTime.of(9, 5)), PixFormats.time("9:05"));
        assertEquals(Optional.of(LocalTime.of(14, 0)), PixFormats.time("14h00"));
        assertEquals(Optional.empty(), PixFormats.time("24:00"));
        assertEquals(Optional.of(33), PixFormats.percent("33%"));
        assertEquals(Optional.of(33), PixFormats.percent("33 %"));
        assertEquals(Optional.empty(), PixFormats.percent("un tiers"));
        assertEquals("33%", PixFormats.percent(33));
        assertEquals("01/02/2027", PixFormats.date(LocalDate.of(2027, 2, 1)));
    }
}
