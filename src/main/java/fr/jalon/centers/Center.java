package fr.jalon.centers;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A Pix certification centre. Its contact is the centre's own (a service address), not a person's. */
record Center(UUID id, CenterDraft draft, Instant createdAt, Instant updatedAt) {
}

/** What staff type to create or replace a centre. */
record CenterDraft(String name, CenterType type, String siret, Set<Habilitation> habilitations, String contactEmail,
                   String contactPhone, int staffRatio) {
}
