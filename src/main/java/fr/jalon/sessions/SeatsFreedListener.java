package fr.jalon.sessions;

import java.util.UUID;

import io.helidon.dbclient.DbExecute;

/**
 * Told, inside the transaction that freed them, that a session has seats again (its capacity
 * grew). The enrolment feature promotes its waiting list; sessions do not depend on it.
 */
public interface SeatsFreedListener {

    void seatsFreed(DbExecute tx, UUID sessionId);
}
