package fr.jalon.candidates;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.helidon.dbclient.DbExecute;

/**
 * The port through which retention reaches the features built on people (referrals, session
 * day, results, attestations, notifications): when people are anonymised, each erases what it
 * keeps about them, in the same transaction, so a person is either whole or fully anonymised.
 */
@FunctionalInterface
public interface PersonalDataEraser {

    /** The people being anonymised and all their enrolments. */
    record Erasure(List<UUID> personIds, List<UUID> enrolmentIds) {
    }

    /** Erases what this feature keeps about these people; returns how many rows of what were cleared. */
    Map<String, Integer> erase(DbExecute tx, Erasure erasure);
}
