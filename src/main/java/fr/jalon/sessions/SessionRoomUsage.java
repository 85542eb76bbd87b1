package fr.jalon.sessions;

import java.util.UUID;

import fr.jalon.centers.RoomUsage;

import io.helidon.dbclient.DbExecute;

/** Tells the centres feature how many seats upcoming sessions hold in a room. */
public final class SessionRoomUsage implements RoomUsage {

    private final SessionRepository repository = new SessionRepository();

    @Override
    public int largestUpcomingCapacity(DbExecute exec, UUID roomId) {
        return repository.largestUpcomingCapacity(exec, roomId);
    }
}
