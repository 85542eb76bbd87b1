package fr.jalon.users;

import fr.jalon.platform.security.Principal;

/** A signed-in browser: who (the same principal the API sees), their name, and the session's CSRF token. */
public record ConsoleSession(Principal principal, String displayName, String csrfToken) {
}
