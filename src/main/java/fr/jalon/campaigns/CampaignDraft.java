package fr.jalon.campaigns;

import java.time.LocalDate;
import java.util.UUID;

/** A campaign as HR describe it, checked for form. */
record CampaignDraft(UUID authorityId, String name, String track, CampaignType type, String externalIdLabel,
                     LocalDate startsOn, LocalDate endsOn, String pixUrl) {
}
