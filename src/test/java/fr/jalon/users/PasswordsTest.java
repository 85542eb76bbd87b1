package fr.jalon.users;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import fr.jalon.platform.validation.FieldError;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void theLockStartsAtTheFifthFailureAndDoublesUpToAnHour() {
        assertNull(Passwords.lockedUntil(4, NOW));
        List<Long> minutes = List.of(5, 6, 7, 8, 9, 10, 11, 12, 40).stream()
                .map(n -> Duration.between(NOW, Passwords.lockedUntil(n, NOW)).toMinutes()).toList();
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L), minutes);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        List<String> codes = Passwords.breaches("aaaa", "camille@example.org").stream().map(FieldError::code).toList();
        assertEquals(List.of("too_short", "too_simple"), codes);
        assertEquals(List.of("contains_email"), Passwords.breaches("Camille-2026-secret", "camille@example.org").stream()
                .map(FieldError::code).toList());
        assertEquals(List.of("required"), Passwords.breaches(" ", "x@example.org").stream().map(FieldError::code).toList());
        assertEquals(List.of("too_long"), Passwords.breaches("Abc1-".repeat(26), "x@example.org").stream()
                .map(FieldError::code).toList());
        assertTrue(Passwords.breaches("Un-mot-de-passe-sur", "camille@example.org").isEmpty());
    }

    @Test
    void argon2idHashesAreSaltedAndCheckedWithTheirOwnParameters() {
        String first = Passwords.hash("Un-mot-de-passe-sur");
        String second = Passwords.hash("Un-mot-de-passe-sur");
        assertTrue(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), first);
        assertFalse(first.equals(second), "a salt of its own");
        assertTrue(Passwords.matches("Un-mot-de-passe-sur", first));
        assertFalse(Passwords.matches("un-mot-de-passe-sur", first));
        assertFalse(Passwords.matches("Un-mot-de-passe-sur", null), "no password set: never a match");
    }
}
