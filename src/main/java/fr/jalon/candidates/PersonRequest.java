package fr.jalon.candidates;

import java.util.UUID;

/**
 * Who to enrol: a person already known to the centre, a person referred to it (the referral
 * vouches for the link), or a description to match or create.
 */
sealed interface PersonRequest {

    record Existing(UUID personId) implements PersonRequest {
    }

    record Described(PersonDraft draft) implements PersonRequest {
    }

    record Referred(UUID personId) implements PersonRequest {
    }
}
