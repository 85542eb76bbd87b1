package fr.jalon.results;

/** An earlier version of a result and when it was replaced. */
record EarlierResult(CertificationResult result, java.time.Instant replacedAt) {
}
