package fr.jalon.sessions;

import java.time.Instant;
import java.util.UUID;

import io.helidon.dbclient.DbExecute;

/**
 * Asked, inside the transaction of a session move, whether the new time suits the people already
 * enrolled; throws an ApiProblem when it does not. Implemented by the enrolment feature.
 */
public interface RescheduleGuard {

    void checkMove(DbExecute tx, UUID sessionId, Instant newStart, Instant newEnd);
}
