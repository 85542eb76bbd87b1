package fr.jalon.sessions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;

/** A new session as staff describe it. A missing capacity means "every seat of the room". */
record SessionDraft(UUID roomId, LocalDate date, LocalTime startTime, int durationMinutes, Optional<Integer> capacity,
                    String description, String certificationType) {
}

/** A PATCH of a session: only the given fields change; description may be cleared with null. */
record SessionChanges(Optional<UUID> roomId, Optional<LocalDate> date, Optional<LocalTime> startTime,
                      Optional<Integer> durationMinutes, Optional<Integer> capacity, Optional<Optional<String>> description) {

    boolean movesSlotOrRoom() {
        return roomId.isPresent() || date.isPresent() || startTime.isPresent() || durationMinutes.isPresent();
    }
}
