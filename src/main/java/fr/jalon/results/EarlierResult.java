package fr.jalon.results;

import java.time.Instant;

/** An earlier version of a result and when it was replaced. */
record EarlierResult(CertificationResult result, Instant replacedAt) {
}
