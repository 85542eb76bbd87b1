package fr.jalon.sessions;

import java.util.UUID;

/** A session as other features see it (enrolment, imports, documents). */
public record SessionView(UUID id, UUID centerId, UUID siteId, String siteName, UUID roomId, String roomName,
                          SessionSlot slot, int capacity, int seatsTaken, SessionStatus status,
                          String certificationType, String description, Long pixNumber, String declaredInvigilators) {

    public int freeSeats() {
        return capacity - seatsTaken;
    }
}
