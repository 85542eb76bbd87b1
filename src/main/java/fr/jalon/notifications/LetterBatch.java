package fr.jalon.notifications;

import java.util.UUID;

/** A day's letter batch of one site, as listed to staff. */
record LetterBatch(UUID siteId, String site, UUID centerId, int letters) {
}
