package fr.jalon.campaigns;

import java.util.Set;

/** draft → open → closed → archived; nothing goes back. */
public enum CampaignStatus {
    DRAFT, OPEN, CLOSED, ARCHIVED;

    /** The statuses this one may move to. */
    Set<CampaignStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(OPEN);
            case OPEN -> Set.of(CLOSED);
            case CLOSED -> Set.of(ARCHIVED);
            case ARCHIVED -> Set.of();
        };
    }

    String label() {
        return switch (this) {
            case DRAFT -> "en préparation";
            case OPEN -> "ouverte";
            case CLOSED -> "clôturée";
            case ARCHIVED -> "archivée";
        };
    }
}
