package fr.jalon.candidates;

import java.time.Instant;
import java.util.UUID;

/** A person as stored. */
record Person(UUID id, PersonDraft draft, Instant createdAt, Instant updatedAt) {
}
