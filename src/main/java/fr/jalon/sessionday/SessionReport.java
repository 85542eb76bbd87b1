package fr.jalon.sessionday;

import java.time.Instant;

record SessionReport(String globalComment, boolean hasIncident, boolean hasJoiningIssue, Instant finalizedAt) {

    static final SessionReport BLANK = new SessionReport(null, false, false, null);
}
