package fr.jalon.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A skills campaign of an authority for its agents. */
record Campaign(UUID id, UUID authorityId, String code, String name, String track, CampaignType type,
                String externalIdLabel, LocalDate startsOn, LocalDate endsOn, CampaignStatus status, String pixUrl,
                List<String> competences, Instant createdAt, Instant updatedAt) {
}
