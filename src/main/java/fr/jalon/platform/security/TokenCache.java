package fr.jalon.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticated tokens are remembered for a few seconds, so a burst of requests does not pay
 * a database round trip each. A revocation or a disabled account is evicted here at once by the
 * use case that makes it; every other instance honours it within {@link #TTL}.
 */
public final class TokenCache {

    public static final Duration TTL = Duration.ofSeconds(10);
    private static final int MAX = 10_000;

    private record Cached(TokenLookup.Authenticated authenticated, Instant until) {
    }

    private final TokenLookup lookup;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public TokenCache(TokenLookup lookup) {
        this.lookup = lookup;
    }

    /** The caller a well-formed secret authenticates (for the console's session cookie), if any. */
    public Optional<Principal> principalOf(String secret) {
        if (!TokenSecrets.wellFormed(secret)) {
            return Optional.empty();
        }
        return authenticate(secret).map(TokenLookup.Authenticated::principal);
    }

    Optional<TokenLookup.Authenticated> authenticate(String secret) {
        String hash = TokenSecrets.hash(secret);
        Instant now = Instant.now();
        Cached cached = cache.get(hash);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.authenticated());
        }
        Optional<TokenLookup.Authenticated> found = lookup.lookup(hash);
        if (found.isPresent()) {
            if (cache.size() >= MAX) {
                cache.clear();
            }
            cache.put(hash, new Cached(found.get(), now.plus(TTL)));
        } else {
            cache.remove(hash);
        }
        return found;
    }

    void touch(String secret, TokenLookup.Authenticated authenticated) {
        lookup.touch(authenticated.principal().tokenId());
        cache.computeIfPresent(TokenSecrets.hash(secret), (key, c) -> new Cached(
                new TokenLookup.Authenticated(c.authenticated().principal(), Instant.now()), c.until()));
    }

    /** A token was revoked: this instance forgets it at once. */
    public void evictToken(UUID tokenId) {
        cache.values().removeIf(c -> c.authenticated().principal().tokenId().equals(tokenId));
    }

    /** Accounts were disabled: this instance forgets their tokens at once. */
    public void evictUsers(Collection<UUID> userIds) {
        cache.values().removeIf(c -> userIds.contains(c.authenticated().principal().userId()));
    }
}
