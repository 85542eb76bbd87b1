package fr.jalon.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API token secrets: 256 random bits, shown once, stored only as a SHA-256 hash. A fast hash is
 * right here (unlike passwords): the secret is random and long, so it cannot be guessed.
 */
public final class TokenSecrets {

    public static final String PREFIX = "jal_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Shape check before any database lookup; a bootstrap token given by config must pass it too. */
    public static boolean wellFormed(String secret) {
        return secret != null && secret.length() >= 24 && secret.length() <= 200
                && secret.chars().allMatch(c -> c > 32 && c < 127);
    }
}
