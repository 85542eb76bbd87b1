package fr.jalon.candidates;

import java.util.UUID;

import io.helidon.dbclient.DbExecute;

/**
 * Told, inside the transaction, that an enrolment's status changed (convoked, attended, cancelled,
 * promoted...): lets referrals follow their enrolment without candidates knowing about them.
 */
@FunctionalInterface
public interface EnrolmentStatusListener {

    void statusChanged(DbExecute tx, UUID enrolmentId, EnrolmentStatus status);
}
