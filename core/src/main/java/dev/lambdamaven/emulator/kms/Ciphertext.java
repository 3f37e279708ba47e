package dev.lambdamaven.emulator.kms;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The emulator's ciphertext blob. Opaque to clients, as AWS's is, and like AWS's it names the key that made it, so
 * Decrypt needs no {@code KeyId}. Layout: a version byte, the key ARN's length (one byte) and its UTF-8 bytes, a
 * 12-byte nonce, then the AES-256-GCM output (ciphertext and 16-byte tag). The authenticated data is everything
 * before the nonce and the encryption context (its pairs sorted by key, each key and value length-prefixed), so a
 * blob opens only with its own key and its own context.
 */
final class Ciphertext {

    /** A blob that is not one this emulator made, or that does not open: KMS's InvalidCiphertextException. */
    static final class Invalid extends Exception {
        Invalid() {
            super(null, null, false, false);
        }
    }

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private Ciphertext() {}

    /** Random bytes for nonces, key material and data keys; seeded on first use, not at the emulator's start. */
    static final class Random {
        static final SecureRandom INSTANCE = new SecureRandom();

        private Random() {}

        static byte[] bytes(int n) {
            byte[] bytes = new byte[n];
            INSTANCE.nextBytes(bytes);
            return bytes;
        }
    }

    static byte[] seal(String keyArn, byte[] material, byte[] plaintext, Map<String, String> context) {
        byte[] header = header(keyArn);
        byte[] nonce = Random.bytes(NONCE_BYTES);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, material, nonce, header, context, plaintext);
        return ByteBuffer.allocate(header.length + NONCE_BYTES + sealed.length).put(header).put(nonce).put(sealed)
                .array();
    }

    /** The ARN of the key a blob names. */
    static String keyArn(byte[] blob) throws Invalid {
        if (blob.length < 2 || blob[0] != VERSION) {
            throw new Invalid();
        }
        int length = blob[1] & 0xFF;
        if (blob.length < 2 + length + NONCE_BYTES + TAG_BITS / 8) {
            throw new Invalid();
        }
        return new String(blob, 2, length, StandardCharsets.UTF_8);
    }

    /** The plaintext of a blob {@link #keyArn} named, opened with that key's material and the caller's context. */
    static byte[] open(byte[] blob, byte[] material, Map<String, String> context) throws Invalid {
        int headerLength = 2 + (blob[1] & 0xFF);
        byte[] header = Arrays.copyOf(blob, headerLength);
        byte[] nonce = Arrays.copyOfRange(blob, headerLength, headerLength + NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(blob, headerLength + NONCE_BYTES, blob.length);
        try {
            return cipher(Cipher.DECRYPT_MODE, material, nonce, header, context, sealed);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof AEADBadTagException) {
                throw new Invalid();
            }
            throw e;
        }
    }

    private static byte[] header(String keyArn) {
        byte[] arn = keyArn.getBytes(StandardCharsets.UTF_8);
        if (arn.length > 255) {
            throw new IllegalArgumentException("a key ARN longer than 255 bytes: " + keyArn);
        }
        return ByteBuffer.allocate(2 + arn.length).put(VERSION).put((byte) arn.length).put(arn).array();
    }

    private static byte[] cipher(int mode, byte[] material, byte[] nonce, byte[] header, Map<String, String> context,
            byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(material, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(canonical(context));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The context's pairs sorted by key, each key and value as a 4-byte length and its UTF-8 bytes. */
    private static byte[] canonical(Map<String, String> context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TreeMap<>(context).forEach((key, value) -> {
            for (String s : new String[] {key, value}) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                out.writeBytes(bytes);
            }
        });
        return out.toByteArray();
    }
}
