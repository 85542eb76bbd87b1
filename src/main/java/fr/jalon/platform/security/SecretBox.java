package fr.jalon.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets Jalon must read back (webhook signing secrets) are stored sealed with AES-256-GCM under
 * a key that never enters the database: {@code JALON_SECRET_KEY} (32 bytes in base64,
 * {@code openssl rand -base64 32}), required with an external database; in embedded mode, a key
 * generated once in {@code <data>/secret.key}. A stored value reads {@code v1:<base64 nonce+ciphertext>};
 * a value without that prefix is a secret stored before sealing existed, read as it is.
 */
public final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("JALON_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** From a base64 key (32 bytes). */
    public static SecretBox of(String base64Key) {
        try {
            return new SecretBox(Base64.getDecoder().decode(base64Key.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("JALON_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)");
        }
    }

    /**
     * The configured key; without one, embedded mode keeps a generated key in {@code keyFile}
     * (created once, readable by its owner only), and production refuses to start.
     */
    public static SecretBox configured(Optional<String> base64Key, boolean embedded, Path keyFile) {
        if (base64Key.isPresent()) {
            return of(base64Key.get());
        }
        if (!embedded) {
            throw new IllegalArgumentException("JALON_SECRET_KEY is required with an external database (JALON_DB_URL): "
                    + "32 bytes in base64, e.g. from openssl rand -base64 32");
        }
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Path partial = keyFile.resolveSibling(keyFile.getFileName() + ".part");
                Files.writeString(partial, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: the data directory's own protection applies.
                }
                try {
                    Files.move(partial, keyFile, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    Files.deleteIfExists(partial); // Another instance on the same data directory was first.
                }
            }
            return of(Files.readString(keyFile));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key " + keyFile, e);
        }
    }

    /** The secret sealed for storage. */
    public String seal(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The secret a stored value holds; a legacy unsealed value is returned as it is. */
    public String open(String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, NONCE));
            return new String(cipher.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret cannot be opened: JALON_SECRET_KEY changed?", e);
        }
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }
}
