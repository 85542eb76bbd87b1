package fr.jalon.candidates;

/** What an import did (or, in a dry run, would do). */
record ImportReport(boolean dryRun, int lines, int sessionsCreated, int sessionsMatched, int peopleCreated,
                    int peopleMatched, int enrolmentsCreated, int enrolmentsUpdated, int enrolmentsUnchanged) {
}
