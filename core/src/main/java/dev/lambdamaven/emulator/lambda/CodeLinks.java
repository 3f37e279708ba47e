package dev.lambdamaven.emulator.lambda;

import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.Scope;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Code.Location} and {@code Content.Location} links: presigned like S3's, valid for ten minutes as on AWS,
 * and signed with a key of this emulator process, so only someone who was given the link (by a signed GetFunction
 * or GetLayerVersion) can download the code.
 */
public final class CodeLinks {

    private static final long VALID_SECONDS = 600;
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Supplier<java.net.URI> endpoint;
    private volatile byte[] key; // made on first use: a SecureRandom costs start-up time

    public CodeLinks(Supplier<java.net.URI> endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * A link to the stored zip {@code sha}, for the caller of {@code request}: on the host name it used (behind a
     * container's port mapping, say), else on the emulator's endpoint.
     */
    String link(String sha, ApiRequest request) {
        Scope scope = request.scope();
        String host = request.header("Host");
        String base = host == null || host.isBlank() ? endpoint.get().toString() : "http://" + host.trim();
        String date = AMZ_DATE.format(Instant.now());
        String credential = "emulator/" + date.substring(0, 8) + "/" + scope.region() + "/s3/aws4_request";
        return base + "/__emulator/code/" + sha + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
                + URLEncoder.encode(credential, StandardCharsets.UTF_8) + "&X-Amz-Date=" + date + "&X-Amz-Expires="
                + VALID_SECONDS + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + signature(sha, date);
    }

    /** Refuses a link this emulator did not sign, or signed more than ten minutes ago. */
    void check(ApiRequest request, String sha) {
        String date = request.query("X-Amz-Date");
        String signature = request.query("X-Amz-Signature");
        if (date == null || signature == null || !MessageDigest.isEqual(
                signature.getBytes(StandardCharsets.US_ASCII), signature(sha, date).getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiException(403, "AccessDeniedException", "The code link is not signed by this emulator:"
                    + " get a fresh one from GetFunction or GetLayerVersion.");
        }
        Instant signed = Instant.from(AMZ_DATE.parse(date));
        if (Instant.now().isAfter(signed.plusSeconds(VALID_SECONDS))) {
            throw new ApiException(403, "AccessDeniedException", "Request has expired: code links are valid for "
                    + VALID_SECONDS + " seconds; get a fresh one from GetFunction or GetLayerVersion.");
        }
    }

    private String signature(String sha, String date) {
        return HexFormat.of().formatHex(macs.get().doFinal((sha + "\n" + date).getBytes(StandardCharsets.US_ASCII)));
    }

    /** A Mac per thread (each answer used to look its provider up and key it again). */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    byte[] fresh = new byte[32];
                    new SecureRandom().nextBytes(fresh);
                    key = fresh;
                }
                k = key;
            }
        }
        return k;
    }
}
