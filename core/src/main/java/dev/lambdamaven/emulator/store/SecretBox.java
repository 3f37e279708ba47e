package dev.lambdamaven.emulator.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
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

    private final Path file;
    private volatile SecretKeySpec key;

    private SecretBox(Path file, byte[] key) {
        this.file = file;
        this.key = key == null ? null : new SecretKeySpec(key, "AES");
    }

    /**
     * Reads the state directory's key, checking it, if there is one. A new key is only made when the first
     * value is sealed: generating it seeds a SecureRandom, which a start without secrets need not wait for.
     */
    public static SecretBox open(Path stateDir) throws IOException {
        Path file = stateDir.resolve("secret.key");
        return new SecretBox(file, Files.exists(file) ? read(file) : null);
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    try {
                        key = new SecretKeySpec(createOrRead(file), "AES");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("cannot create the key file " + file, e);
                    }
                }
                current = key;
            }
        }
        return current;
    }

    private static byte[] createOrRead(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] fresh = new byte[32];
            Random.INSTANCE.nextBytes(fresh);
            Path temp = file.resolveSibling(AtomicFile.tempName("secret.key"));
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
        return read(file);
    }

    private static byte[] read(Path file) throws IOException {
        byte[] key = Files.readAllBytes(file);
        if (key.length != 32) {
            throw new IOException("corrupt key file " + file + " (expected 32 bytes)");
        }
        return key;
    }

    /** Created on first use, for the same reason as the key. */
    private static final class Random {
        static final SecureRandom INSTANCE = new SecureRandom();
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
            Random.INSTANCE.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
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
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, ciphertext, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored secret cannot be decrypted with " + "the state directory's key", e);
        }
    }
}
