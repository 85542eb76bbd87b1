package fr.jalon.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A local authority whose HR run campaigns for its agents, and the centres it works with. */
record Authority(UUID id, String name, AuthorityKind kind, String siren, String territoryCode, String contactEmail,
                 List<UUID> centerIds, Instant createdAt) {
}
