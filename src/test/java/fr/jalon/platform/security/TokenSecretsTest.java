package fr.jalon.platform.security;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenSecretsTest {

    @Test
    void secretsCarry256RandomBits() {
        String secret = TokenSecrets.newSecret();
        assertTrue(secret.startsWith("jal_"));
        assertEquals(32, Base64.getUrlDecoder().decode(secret.substring(4)).length);
        assertNotEquals(secret, TokenSecrets.newSecret());
        assertTrue(TokenSecrets.wellFormed(secret));
    }

    @Test
    void hashIsStableAndDoesNotContainTheSecret() {
        String secret = TokenSecrets.newSecret();
        assertEquals(TokenSecrets.hash(secret), TokenSecrets.hash(secret));
        assertEquals(64, TokenSecrets.hash(secret).length());
        assertFalse(TokenSecrets.hash(secret).contains(secret.substring(4, 12)));
    }

    @Test
    void shortOrUnprintableSecretsAreMalformed() {
        assertFalse(TokenSecrets.wellFormed("short"));
        assertFalse(TokenSecrets.wellFormed("a".repeat(30) + " b"));
        assertFalse(TokenSecrets.wellFormed(null));
    }
}
