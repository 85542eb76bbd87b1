package fr.jalon.campaigns;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.jalon.testing.PixOrgaCsv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PixOrgaExportTest {

    private static Campaign campaign(CampaignType type) {
        return new Campaign(UUID.randomUUID(), UUID.randomUUID(), "ABCDEF234", "Campagne", "Socle commun", type, "Matricule",
                LocalDate.of(2027, 1, 4), LocalDate.of(2027, 3, 31), CampaignStatus.OPEN, null, List.of(), Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void anAssessmentExportWithSixteenCompetencesIsReadByHeaderName() {
        byte[] file = PixOrgaCsv.assessment("ABCDEF234", "Matricule", PixOrgaCsv.COMPETENCES)
                .assessmentRow("M-1", "Lafitte", "Marie", 1, true, 0.73)
                .assessmentRow("M-2", "Dubroca", "Jean", 0.4, false, 0).bytes();

        PixOrgaExport.Content content = PixOrgaExport.read(file, campaign(CampaignType.ASSESSMENT));

        assertEquals(List.of(), content.errors());
        PixOrgaExport.Row shared = content.rows().getFirst();
        assertEquals("M-1", shared.externalId());
        assertEquals(ParticipantStatus.SHARED, shared.participation().status());
        assertEquals(100, shared.participation().progression());
        assertEquals(new BigDecimal("0.73"), shared.participation().mastery());
        assertEquals(16, shared.participation().competences().size());
        assertEquals("5.2 Construire un environnement numérique", shared.participation().competences().getLast().name());
        PixOrgaExport.Row started = content.rows().get(1);
        assertEquals(ParticipantStatus.STARTED, started.participation().status());
        assertEquals(40, started.participation().progression());
        assertNull(started.participation().mastery(), "NA before sharing");
        assertEquals(List.of(), started.participation().competences());
    }

    @Test
    void aProfilesCollectionWithFiveCompetencesGivesLevelsPixAndCertifiability() {
        byte[] file = PixOrgaCsv.profiles("ABCDEF234", "Matricule", PixOrgaCsv.COMPETENCES.subList(0, 5))
                .profilesRow("M-1", "Lafitte", "Marie", true, 3, true)
                .profilesRow("M-2", "Dubroca", "Jean", false, 0, false).bytes();

        PixOrgaExport.Content content = PixOrgaExport.read(file, campaign(CampaignType.PROFILES_COLLECTION));

        assertEquals(List.of(), content.errors());
        Participation sent = content.rows().getFirst().participation();
        assertEquals(ParticipantStatus.SHARED, sent.status());
        assertEquals(120, sent.pixTotal());
        assertEquals(Boolean.TRUE, sent.certifiable());
        assertEquals(5, sent.competences().size());
        assertEquals(3, sent.competences().getFirst().level());
        assertEquals(24, sent.competences().getFirst().pix());
        assertEquals(ParticipantStatus.STARTED, content.rows().get(1).participation().status());
    }

    @Test
    void theOtherLayoutAnotherCodeAndBadCellsAreReportedWithTheirLine() {
        byte[] profiles = PixOrgaCsv.profiles("ABCDEF234", "Matricule", PixOrgaCsv.COMPETENCES.subList(0, 2))
                .profilesRow("M-1", "Lafitte", "Marie", true, 3, true).bytes();
        assertEquals("wrong_layout", PixOrgaExport.read(profiles, campaign(CampaignType.ASSESSMENT)).errors().getFirst()
                .code());

        String header = PixOrgaCsv.assessment("ABCDEF234", "Matricule", PixOrgaCsv.COMPETENCES.subList(0, 1)).header();
        String file = header + "\r\n"
                + "Commune;1;ZZZZZZ999;C;Socle;Lafitte;Marie;M-1;1;02/11/2026;O;05/11/2026;0.5;0.5;6;3;0.5;6;3\r\n"
                + "Commune;1;ABCDEF234;C;Socle;Dubroca;Jean;M-2;1;31/02/2026;P;05/11/2026;175;0.5;6;3;0.5;6;3\r\n";
        List<String> codes = PixOrgaExport.read(file.getBytes(StandardCharsets.UTF_8), campaign(CampaignType.ASSESSMENT))
                .errors().stream().map(e -> e.line() + ":" + e.code()).toList();
        assertTrue(codes.containsAll(List.of("2:other_campaign", "3:invalid_date", "3:invalid_value", "3:invalid_percent")),
                codes.toString());
    }
}
