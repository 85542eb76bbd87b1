package fr.jalon.candidates;

import java.time.Instant;
import java.util.UUID;

/** A person as stored, owned by one tenant ({@code ownerId}: a centre). */
record Person(UUID id, UUID ownerId, PersonDraft draft, Instant createdAt, Instant updatedAt) {
}
