package fr.jalon.campaigns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an export says of one participant. Results (mastery, pix, competences) mean something only
 * once shared: before that HR see the status and progression alone, as in Pix Orga.
 */
record Participation(ParticipantStatus status, Integer progression, LocalDate startedOn, LocalDate sharedOn,
                     BigDecimal mastery, Integer pixTotal, Boolean certifiable, Integer certifiableCompetences,
                     List<Competence> competences) {

    /** One competence: its mastery (assessment, 0–1) or its level and pix (profiles collection). */
    record Competence(String name, BigDecimal mastery, Integer level, Integer pix) {
    }

    /**
     * Every field in a compact line: the same export again gives the same line, so it changes
     * nothing. Competences by position (their names belong to the campaign); mastery at its two
     * decimals as read.
     */
    String fingerprint() {
        StringBuilder s = new StringBuilder(160).append(status.ordinal()).append('|').append(progression).append('|')
                .append(startedOn).append('|').append(sharedOn).append('|').append(plain(mastery)).append('|').append(pixTotal)
                .append('|').append(certifiable).append('|').append(certifiableCompetences).append('|');
        for (Competence c : competences) {
            s.append(plain(c.mastery())).append(':').append(c.level()).append(':').append(c.pix()).append(',');
        }
        return s.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
