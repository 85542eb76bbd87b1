package fr.jalon.notifications;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import com.itextpdf.kernel.pdf.canvas.parser.filter.TextRegionEventFilter;
import com.itextpdf.kernel.pdf.canvas.parser.listener.FilteredTextEventListener;
import com.itextpdf.kernel.pdf.canvas.parser.listener.LocationTextExtractionStrategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LetterPdfTest {

    private static LetterPdf.Letter letter(String name, String street) {
        return new LetterPdf.Letter(List.of("Agence départementale d'inclusion numérique", "05 58 00 00 00"),
                List.of(name, street, "40100 Dax"), "Le 23 novembre 2026",
                "Objet : convocation\n\nBonjour " + name + ",\n\nVous êtes convoqué(e).\n\nLe centre");
    }

    @Test
    void eachLetterHasItsOwnPageWithTheAddressInTheEnvelopeWindow() throws IOException {
        byte[] pdf = LetterPdf.render(List.of(letter("Léa Dupont", "4 rue des Arènes"),
                letter("Łukasz Wójcik", "12 chemin de Saubagnacq"), letter("Inès Haddad", "1 place Thiers")));

        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            assertEquals(3, document.getNumberOfPages());
            assertTrue(PdfTextExtractor.getTextFromPage(document.getPage(2)).contains("Bonjour Łukasz Wójcik"),
                    "any alphabet prints: the font is embedded");
            for (int page = 1; page <= 3; page++) {
                String window = PdfTextExtractor.getTextFromPage(document.getPage(page), new FilteredTextEventListener(
                        new LocationTextExtractionStrategy(), new TextRegionEventFilter(LetterPdf.ADDRESS_WINDOW)));
                assertTrue(window.contains("40100 Dax"), "page " + page + ": " + window);
                assertFalse(window.contains("Bonjour"), "only the address shows through the window");
                assertFalse(window.contains("Agence"), "the sender stays out of the window");
            }
            String first = PdfTextExtractor.getTextFromPage(document.getPage(1), new FilteredTextEventListener(
                    new LocationTextExtractionStrategy(), new TextRegionEventFilter(LetterPdf.ADDRESS_WINDOW)));
            assertTrue(first.contains("Léa Dupont") && first.contains("4 rue des Arènes"), first);
        }
    }

    @Test
    void anEmptyBatchStillPrintsAPageSayingSo() throws IOException {
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(LetterPdf.render(List.of()))))) {
            assertEquals(1, document.getNumberOfPages());
            assertTrue(PdfTextExtractor.getTextFromPage(document.getPage(1)).contains("Aucun courrier"));
        }
    }
}
