package fr.jalon.sessions;

import java.time.LocalDate;
import java.util.UUID;

/** Search criteria of the session list; null means "any". */
record SessionCriteria(UUID centerId, LocalDate from, LocalDate to, UUID siteId, SessionStatus status) {
}
