package fr.jalon.users;

import java.time.Instant;
import java.util.UUID;

/** A token's metadata, never its secret. */
public record TokenInfo(UUID id, UUID userId, String label, Instant createdAt, Instant expiresAt,
                        Instant lastUsedAt, Instant revokedAt) {

    /** Neither revoked nor expired at this instant. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
