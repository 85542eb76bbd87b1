package fr.jalon.platform.security;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The port through which authentication reads tokens: the users feature owns the accounts and
 * their SQL and implements it; the platform only asks who a token hash belongs to.
 */
public interface TokenLookup {

    /** A token that authenticates: whose it is, and when it was last used. */
    record Authenticated(Principal principal, Instant lastUsedAt) {
    }

    /** The live token of this hash (not revoked, not expired, its user enabled), if any. */
    Optional<Authenticated> lookup(String tokenHash);

    /** Records that the token was used now. */
    void touch(UUID tokenId);
}
