package fr.jalon.centers;

import java.util.Set;
import java.util.UUID;

/** Where a room is and what it offers, as sessions need it. */
public record RoomPlacement(UUID roomId, String roomName, int seats, boolean accessible, UUID siteId, String siteName,
                            String communeInsee, UUID centerId, Set<Habilitation> centerHabilitations) {
}
