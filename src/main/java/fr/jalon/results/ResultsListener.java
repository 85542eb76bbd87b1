package fr.jalon.results;

import java.util.List;
import java.util.UUID;

import io.helidon.dbclient.DbExecute;

/**
 * Follows results as an import records them, inside the import's transaction (referrals become
 * CERTIFIED, attestations of corrected results are revoked). Only new and corrected results are told.
 */
@FunctionalInterface
public interface ResultsListener {

    /** {@code corrected}: results that replaced earlier ones (their previous attestation no longer holds). */
    void recorded(DbExecute tx, List<CertificationResult> recorded, List<UUID> corrected);
}
