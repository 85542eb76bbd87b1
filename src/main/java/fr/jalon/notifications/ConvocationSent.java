package fr.jalon.notifications;

import java.util.UUID;

import io.helidon.dbclient.DbExecute;

/**
 * Told, in the transaction that records the sending, that an enrolment's convocation went out,
 * so the enrolment becomes CONVOKED. Implemented by the enrolment feature.
 */
@FunctionalInterface
public interface ConvocationSent {

    void convoked(DbExecute tx, UUID enrolmentId);
}
