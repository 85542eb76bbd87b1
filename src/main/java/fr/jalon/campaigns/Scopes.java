package fr.jalon.campaigns;

import java.util.UUID;

import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;

/**
 * Who sees an authority's data: administrators, and HR of that authority. Anyone else gets the
 * answer an unknown record gets (404), so nothing tells them it exists.
 */
final class Scopes {

    private Scopes() {
    }

    static boolean sees(Principal actor, UUID authorityId) {
        return actor.isAdmin() || actor.role() == Role.HR && authorityId.equals(actor.scopeId());
    }

    static void requireAuthority(Principal actor, UUID authorityId, String notFound) {
        if (!sees(actor, authorityId)) {
            throw ApiProblem.notFound(notFound);
        }
    }
}
