package fr.jalon.centers;

import java.util.UUID;

/** A room of a site; its seats are the workstations available to candidates. */
record Room(UUID id, UUID siteId, UUID centerId, RoomDraft draft) {
}

/** What staff type to create or replace a room. */
record RoomDraft(String name, int seats, boolean accessible) {
}
