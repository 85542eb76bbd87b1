package fr.jalon.sessions;

import java.time.Instant;
import java.util.UUID;

/** A certification session as stored, with the names of its site and room for display. */
record CertificationSession(UUID id, UUID centerId, UUID siteId, String siteName, UUID roomId, String roomName,
                            SessionSlot slot, int capacity, String description, String certificationType,
                            String accessCode, String invigilatorPassword, SessionStatus status,
                            String cancellationReason, int seatsTaken, Long pixNumber, String declaredInvigilators,
                            Instant createdAt, Instant updatedAt) {

    SessionView view() {
        return new SessionView(id, centerId, siteId, siteName, roomId, roomName, slot, capacity, seatsTaken, status,
                certificationType, description, pixNumber, declaredInvigilators);
    }
}
