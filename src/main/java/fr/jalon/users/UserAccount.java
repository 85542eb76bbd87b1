package fr.jalon.users;

import java.time.Instant;
import java.util.UUID;

import fr.jalon.platform.security.Role;

/** A user as stored; the scope column depends on the role. */
public record UserAccount(UUID id, String email, String displayName, Role role, UUID scopeId,
                          Instant createdAt, Instant disabledAt) {
}
