package dev.lambdamaven.emulator.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUIDs for request ids, revision ids and upload ids, and random tokens for other ids. They must be unique, not unguessable:
 * {@link UUID#randomUUID()} would seed a SecureRandom (a tenth of a second in a cold JVM) and make concurrent
 * requests queue on it.
 */
public final class Ids {

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Ids() {}

    public static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /** {@code length} random lowercase letters and digits, as in function URL and code signing config ids. */
    public static String token(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return token.toString();
    }
}
