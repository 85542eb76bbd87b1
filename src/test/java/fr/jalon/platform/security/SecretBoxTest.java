package fr.jalon.platform.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretBoxTest {

    private static String key(int fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void aSealedSecretOpensWithItsKeyOnly() {
        SecretBox box = SecretBox.of(key(1));
        String sealed = box.seal("whsec_0123456789abcdef");
        assertTrue(sealed.startsWith("v1:"));
        assertFalse(sealed.contains("whsec_"));
        assertNotEquals(sealed, box.seal("whsec_0123456789abcdef"), "a fresh nonce each time");
        assertEquals("whsec_0123456789abcdef", box.open(sealed));
        assertThrows(IllegalStateException.class, () -> SecretBox.of(key(2)).open(sealed));
        assertEquals("whsec_legacy", box.open("whsec_legacy"), "a secret stored before sealing reads as it is");
    }

    @Test
    void productionNeedsAKeyAndEmbeddedModeKeepsOneInItsDataDirectory() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> SecretBox.configured(Optional.empty(), false, Path.of("x")));
        assertThrows(IllegalArgumentException.class, () -> SecretBox.of("trop-court"));
        Path dir = Files.createTempDirectory("jalon-key");
        Path file = dir.resolve("secret.key");
        String sealed = SecretBox.configured(Optional.empty(), true, file).seal("s");
        assertTrue(Files.exists(file));
        assertEquals("s", SecretBox.configured(Optional.empty(), true, file).open(sealed), "the same key at the next start");
        Files.delete(file);
        Files.delete(dir);
    }
}
