package fr.jalon.candidates;

import java.util.UUID;

/** Who to enrol: a person already known to the centre, or a description to match or create. */
sealed interface PersonRequest {

    record Existing(UUID personId) implements PersonRequest {
    }

    record Described(PersonDraft draft) implements PersonRequest {
    }
}
