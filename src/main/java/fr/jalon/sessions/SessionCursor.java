package fr.jalon.sessions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** Keyset position: the sort key of the last session of the previous page. */
record SessionCursor(LocalDate date, LocalTime time, UUID id) {
}
