package fr.jalon.users;

import java.time.Instant;

/**
 * What a console sign-in came to. {@code secret} (signed in only) is the session's cookie value;
 * {@code lockedUntil} (locked only) says when to try again.
 */
public record SignIn(Outcome outcome, String secret, Instant lockedUntil) {

    public enum Outcome { SIGNED_IN, REFUSED, LOCKED }

    static SignIn refused() {
        return new SignIn(Outcome.REFUSED, null, null);
    }

    static SignIn locked(Instant until) {
        return new SignIn(Outcome.LOCKED, null, until);
    }

    static SignIn signedIn(String secret) {
        return new SignIn(Outcome.SIGNED_IN, secret, null);
    }
}
