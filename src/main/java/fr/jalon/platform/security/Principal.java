package fr.jalon.platform.security;

import java.util.Arrays;
import java.util.UUID;

import fr.jalon.platform.http.ApiProblem;

/**
 * Who is calling: a user, its role and its scope (a centre, a referring organisation or a local
 * authority; none for ADMIN). Scope checks answer 404, not 403, so that a caller cannot learn
 * that a record of another centre exists.
 */
public record Principal(UUID userId, UUID tokenId, Role role, UUID scopeId) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Staff of this centre, or an administrator. */
    public boolean managesCenter(UUID centerId) {
        return isAdmin() || (role == Role.CENTER_STAFF && scopeId != null && scopeId.equals(centerId));
    }

    public void requireRole(Role... allowed) {
        if (!Arrays.asList(allowed).contains(role)) {
            throw ApiProblem.forbidden("Votre rôle ne permet pas cette action.");
        }
    }

    /** Answers 404 when the centre is outside the caller's scope. */
    public void requireCenter(UUID centerId) {
        if (!managesCenter(centerId)) {
            throw ApiProblem.notFound("Aucune ressource ne correspond à cet identifiant.");
        }
    }
}
