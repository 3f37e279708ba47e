package dev.lambdamaven.emulator.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of values at rest (environment variables). The key lives in {@code secret.key} in
 * the state directory, readable only by its owner; it is created atomically (temp file + hard link) so two
 * processes starting at once agree on one key. Ciphertext = 12-byte nonce followed by the GCM output.
 */
public final class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    public static SecretBox open(Path stateDir) throws IOException {
        Path file = stateDir.resolve("secret.key");
        if (!Files.exists(file)) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Path temp = stateDir.resolve("secret.key." + UUID.randomUUID() + ".tmp");
            try {
                Files.createFile(temp, ownerOnly());
                Files.write(temp, fresh);
                try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException raceLost) {
                // another process created the key first: use theirs
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != 32) {
            throw new IOException("corrupt key file " + file + " (expected 32 bytes)");
        }
        return new SecretBox(key);
    }

    private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly() {
        try {
            return new java.nio.file.attribute.FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            };
        } catch (UnsupportedOperationException e) {
            return new java.nio.file.attribute.FileAttribute<?>[0];
        }
    }

    public byte[] encrypt(byte[] plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] output = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + output.length).put(nonce).put(output).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public byte[] decrypt(byte[] ciphertext, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored secret cannot be decrypted with " + "the state directory's key", e);
        }
    }
}
