package fr.jalon.notifications;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import fr.jalon.platform.templates.TemplateRenderer;
import fr.jalon.platform.text.FrenchDates;
import fr.jalon.testing.TestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotificationTextTest {

    private static Map<String, Object> example(String firstName) {
        return new HashMap<>(MessageCatalogue.convocation(firstName, "Dupont", LocalDateTime.of(2026, 3, 3, 9, 30),
                Duration.ofMinutes(105), "Médiathèque", "Salle 1", "1 place de la Mairie, 40310 Gabarret", null,
                "Centre de démonstration", "05 58 00 00 00", null));
    }

    @Test
    void datesAndDurationsAreWrittenAsPeopleWriteThem() {
        assertEquals("mardi 3 mars 2026 à 9 h 30", FrenchDates.dateTime(LocalDateTime.of(2026, 3, 3, 9, 30)));
        assertEquals("vendredi 1er janvier 2027 à 14 h", FrenchDates.dateTime(LocalDateTime.of(2027, 1, 1, 14, 0)));
        assertEquals("8 h 05", FrenchDates.time(8, 5));
        assertEquals("1 h 45", FrenchDates.duration(Duration.ofMinutes(105)));
        assertEquals("2 h", FrenchDates.duration(Duration.ofMinutes(120)));
        assertEquals("45 min", FrenchDates.duration(Duration.ofMinutes(45)));
    }

    @Test
    void smsPartsFollowGsm7AndUcs2Counting() {
        assertEquals(1, SmsText.segments("a".repeat(160)));
        assertEquals(2, SmsText.segments("a".repeat(161)));
        assertEquals(2, SmsText.segments("€".repeat(81)), "extension characters count twice");
        assertTrue(SmsText.isGsm7("Pièce d'identité à 9 h"));
        assertFalse(SmsText.isGsm7("Fête"), "ê is not in the GSM alphabet");
        assertEquals(1, SmsText.segments("ê".repeat(70)));
        assertEquals(2, SmsText.segments("ê".repeat(71)));
    }

    @Test
    void smsTextIsBroughtIntoTheGsmAlphabet() {
        assertEquals("Maison du numerique? non : Fete - \"Salle\" d'accueil", SmsText.toGsm7("Maison du numerique? non : Fête — «Salle» d’accueil"));
        assertEquals("pièce d'identité à Dax", SmsText.toGsm7("pièce d'identité à Dax"), "é, è and à are GSM letters");
        assertTrue(SmsText.isGsm7(SmsText.toGsm7("Cœur — Saint-Jean-de-Luz, île, où, ç")));
    }

    @Test
    void htmlMailsEscapeInsertedValuesAndTextPartsDoNot() {
        TemplateRenderer renderer = new TemplateRenderer(Optional.empty());
        Map<String, Object> model = example("<script>alert(1)</script>");

        String html = renderer.render("mail/convocation.html.vm", model);
        String text = renderer.render("mail/convocation.txt.vm", model);

        assertTrue(html.contains("&lt;script&gt;"), html);
        assertFalse(html.contains("<script>"));
        assertTrue(text.contains("<script>"), "the plain-text part is not HTML");
        assertTrue(html.contains("mardi 3 mars 2026 à 9 h 30"));
    }

    @Test
    void theShippedTemplatesAreValidAndTheSmsFitsTwoParts() {
        TemplateRenderer renderer = new TemplateRenderer(Optional.empty());
        new MessageCatalogue(renderer).validate();
        String sms = renderer.render("sms/convocation.vm", example("Léa")).strip();
        assertTrue(SmsText.isGsm7(sms), sms);
        assertTrue(SmsText.segments(sms) <= 2, sms);
        assertTrue(sms.contains("05 58 00 00 00"), "the SMS gives a number to call");
    }

    @Test
    void aRewordedTemplateWinsAndAnUnknownVariableFailsTheStartUp(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sms"));
        Files.writeString(dir.resolve("sms/convocation.vm"), "Rendez-vous $quandCourt a $lieu. Tel $telephone");
        TemplateRenderer reworded = new TemplateRenderer(Optional.of(dir));
        assertEquals("Rendez-vous 3/3 à 9 h 30 a Médiathèque. Tel 05 58 00 00 00",
                reworded.render("sms/convocation.vm", example("Léa")).strip());
        assertTrue(reworded.render("mail/convocation.txt.vm", example("Léa")).contains("Bonjour Léa"),
                "templates not reworded still come from the jar");

        Files.writeString(dir.resolve("sms/convocation.vm"), "Bonjour $prenom, rendez-vous $inconnu");
        MessageCatalogue broken = new MessageCatalogue(new TemplateRenderer(Optional.of(dir)));
        IllegalStateException failure = assertThrows(IllegalStateException.class, broken::validate);
        assertTrue(failure.getMessage().contains("sms/convocation.vm"), failure.getMessage());
        assertTrue(TestDatabase.settings().templatesDir().isEmpty(), "tests use the packaged templates");
    }
}
