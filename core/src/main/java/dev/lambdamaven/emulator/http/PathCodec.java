package dev.lambdamaven.emulator.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percent-decoding of path segments (where '+' is a plus) and of query strings (where '+' is a space). */
public final class PathCodec {

    private PathCodec() {}

    /**
     * S3's segments: the bucket, then every segment of the key, empty ones too (a key may begin with a slash or hold
     * two in a row: {@code /bucket//layer.zip} is the key {@code /layer.zip}).
     */
    public static List<String> s3Segments(String rawPath) {
        int keyStart = rawPath.indexOf('/', 1);
        if (keyStart < 0 || keyStart == rawPath.length() - 1) {
            return segments(rawPath);
        }
        List<String> result = new ArrayList<>(segments(rawPath.substring(0, keyStart)));
        for (String raw : rawPath.substring(keyStart + 1).split("/", -1)) {
            result.add(decode(raw, false));
        }
        return result;
    }

    /** Splits a raw path into decoded segments, dropping empty ones (so a trailing slash does not matter). */
    public static List<String> segments(String rawPath) {
        List<String> result = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                result.add(decode(raw, false));
            }
        }
        return result;
    }

    public static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    /**
     * Percent-decodes {@code raw} as UTF-8; a {@code %} not followed by two hex digits, or bytes that are not
     * UTF-8, are a {@link MalformedException}.
     */
    public static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new MalformedException("'%' must be followed by two hex digits in '" + raw + "'");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException("'" + raw + "' does not decode to UTF-8");
        }
    }

    /** A path or query that is not validly percent-encoded. */
    public static final class MalformedException extends RuntimeException {
        MalformedException(String message) {
            super(message, null, false, false);
        }
    }
}
