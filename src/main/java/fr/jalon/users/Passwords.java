package fr.jalon.users;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import fr.jalon.platform.validation.FieldError;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Console passwords: Argon2id (19 MiB, 2 passes, 1 lane — OWASP's minimum), the PHC string
 * stored; the rules a new password must follow; the lockout after repeated failures. Pure
 * functions apart from the hashing itself: no SQL, no HTTP.
 */
final class Passwords {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    /** Failures in a row allowed before the account locks. */
    static final int FREE_FAILURES = 5;
    static final Duration LONGEST_LOCK = Duration.ofHours(1);

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Checked against when the e-mail is unknown, so that a wrong e-mail costs the time a wrong password does. */
    private static final String DECOY = hash("leurre-de-mesure-du-temps");

    private Passwords() {
    }

    static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    /** Whether the password matches the stored hash; with no hash, spends the same time and answers false. */
    static boolean matches(String password, String storedHash) {
        if (storedHash == null) {
            Password.check(password, DECOY).with(ARGON2ID);
            return false;
        }
        return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
    }

    /** Every rule a new password breaks (empty when it is acceptable), in French. */
    static List<FieldError> breaches(String password, String email) {
        List<FieldError> errors = new ArrayList<>();
        if (password == null || password.isBlank()) {
            errors.add(FieldError.of("password", "required", "Le mot de passe est obligatoire."));
            return errors;
        }
        if (password.length() < MIN_LENGTH) {
            errors.add(FieldError.of("password", "too_short", "Le mot de passe doit compter au moins " + MIN_LENGTH
                    + " caractères."));
        }
        if (password.length() > MAX_LENGTH) {
            errors.add(FieldError.of("password", "too_long", "Le mot de passe doit compter au plus " + MAX_LENGTH
                    + " caractères."));
        }
        if (email != null && password.toLowerCase().contains(email.toLowerCase().split("@")[0])
                && email.split("@")[0].length() >= 3) {
            errors.add(FieldError.of("password", "contains_email", "Le mot de passe ne doit pas contenir votre adresse e-mail."));
        }
        if (password.chars().distinct().count() < 5) {
            errors.add(FieldError.of("password", "too_simple", "Le mot de passe doit mêler au moins 5 caractères différents."));
        }
        return errors;
    }

    /**
     * Until when an account with this many failures in a row is locked: not before
     * {@link #FREE_FAILURES}, then 1 minute, doubling with each further failure, at most an hour.
     */
    static Instant lockedUntil(int failures, Instant now) {
        if (failures < FREE_FAILURES) {
            return null;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 6);
        Duration lock = Duration.ofMinutes(1L << doublings);
        return now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
    }
}
