package fr.jalon.campaigns;

import java.util.List;

/** What a participation import did: rows read, participants updated or unchanged, rows matching nobody. */
record ParticipationReport(int lines, int updated, int unchanged, List<Unmatched> unmatched) {

    /** A row of the export whose participant is not invited to the campaign: reported, never created. */
    record Unmatched(int line, String externalId, String reason) {
    }
}
