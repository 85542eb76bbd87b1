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

    /** A stable digest of every field: the same export again changes nothing. */
    String fingerprint() {
        StringBuilder s = new StringBuilder().append(status).append('|').append(progression).append('|').append(startedOn)
                .append('|').append(sharedOn).append('|').append(mastery == null ? null : mastery.stripTrailingZeros())
                .append('|').append(pixTotal).append('|').append(certifiable).append('|').append(certifiableCompetences);
        for (Competence c : competences) {
            s.append('|').append(c.name()).append(':').append(c.mastery() == null ? null : c.mastery().stripTrailingZeros())
                    .append(':').append(c.level()).append(':').append(c.pix());
        }
        return s.toString();
    }
}
