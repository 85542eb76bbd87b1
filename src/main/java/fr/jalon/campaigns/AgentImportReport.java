package fr.jalon.campaigns;

/** What a directory import did (or would do, in a dry run). */
record AgentImportReport(boolean dryRun, int lines, int created, int updated, int unchanged, int reactivated,
                         int deactivated) {
}
