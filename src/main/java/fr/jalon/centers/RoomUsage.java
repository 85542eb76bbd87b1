package fr.jalon.centers;

import java.util.UUID;

import io.helidon.dbclient.DbExecute;

/**
 * How many seats upcoming sessions need in a room, so a room is not shrunk below a booked
 * session. Implemented by the sessions feature (centres must not depend on sessions).
 */
public interface RoomUsage {

    int largestUpcomingCapacity(DbExecute exec, UUID roomId);
}
