package dev.lambdamaven.emulator.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the emulator checks before it routes a request: that it comes from a local AWS client, not from a web page.
 * <ul>
 * <li>A browser's request carries {@code Origin} or {@code Sec-Fetch-*} headers: refused. (A form POST needs no
 * CORS preflight, so without this any page could create and invoke code.)
 * <li>The {@code Host} must be a loopback name or address, unless the emulator listens on another interface on
 * purpose: a DNS-rebinding page reaches the loopback port under its own host name.
 * <li>The request must be signed with SigV4 (an {@code Authorization} header, or a presigned URL's query), as
 * every AWS CLI and SDK request is; the signature is not verified (any credentials work), but its credential
 * scope names the region, and a 12-digit access key id the account, the request acts in.
 * </ul>
 */
public final class RequestGate {

    /**
     * Why a request is refused, in words that fit every API family: the error type of the JSON APIs and the code of
     * S3's XML errors; the front door renders it in the shape of the request's family.
     */
    static final class Refused extends RuntimeException {
        final int status;
        final String type;
        final String s3Code;

        Refused(int status, String type, String s3Code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.type = type;
            this.s3Code = s3Code;
        }
    }

    /** A request's credential: access key id, region and service of its SigV4 scope. */
    public record Credential(String accessKeyId, String region, String service) {}

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+(.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CREDENTIAL = Pattern.compile("([^/\\s]+)/(\\d{8})/([^/\\s]+)/([^/\\s]+)/aws4_request");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SIGNED_HEADERS = Pattern.compile("[a-z0-9;._-]+");
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[^:\\[\\]]+)(:\\d{1,5})?");

    private final boolean anyHost;
    private final Scope defaults;

    /**
     * @param listenHost the address the emulator listens on: when it is not a loopback address the user chose to
     *                   serve other hosts (a container, a LAN), and any {@code Host} is taken
     * @param defaults   the account of requests whose access key id is not an account id, and the region of the
     *                   few unsigned ones
     */
    public RequestGate(String listenHost, Scope defaults) {
        this.anyHost = !isLoopback(listenHost);
        this.defaults = defaults;
    }

    /** Refuses what a web page would send, and a request for another {@code Host}. */
    void checkOrigin(HttpHeaders headers) {
        String origin = headers.get("Origin");
        if (origin != null || headers.contains("Sec-Fetch-Mode") || headers.contains("Sec-Fetch-Site")) {
            throw new Refused(403, "AccessDeniedException", "AccessDenied", "The Lambda emulator does not answer"
                    + " requests from web pages" + (origin == null ? "" : " (Origin: " + origin + ")")
                    + ": call it with the AWS CLI or an AWS SDK.");
        }
        String host = headers.get("Host");
        if (!anyHost && (host == null || !isLoopbackHost(host))) {
            throw new Refused(403, "AccessDeniedException", "AccessDenied", "The Lambda emulator answers requests"
                    + " for loopback host names only (Host: " + host + "): use http://localhost:<port> or"
                    + " http://127.0.0.1:<port>, or start it with -Dlambda.emulator.host=<address> to serve other"
                    + " hosts.");
        }
    }

    /**
     * The account and region of a signed request; the refusal of an unsigned one (AWS: 403
     * MissingAuthenticationTokenException), or of a signature whose scope is not a region or not {@code service}.
     */
    Scope scope(HttpHeaders headers, Map<String, List<String>> query, String service) {
        Credential credential;
        try {
            credential = credential(headers, query);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "IncompleteSignatureException", "AuthorizationHeaderMalformed", e.getMessage());
        }
        if (credential == null) {
            throw new Refused(403, "MissingAuthenticationTokenException", "AccessDenied",
                    "Missing Authentication Token");
        }
        if (!Scope.REGION.matcher(credential.region()).matches()) {
            throw new Refused(403, "InvalidSignatureException", "AuthorizationHeaderMalformed",
                    "Credential should be scoped to a valid region, not '" + credential.region() + "'. ");
        }
        if (!credential.service().equals(service)) {
            throw new Refused(403, "InvalidSignatureException", "AuthorizationHeaderMalformed",
                    "Credential should be scoped to correct service: '" + service + "'. ");
        }
        return Scope.of(credential.accessKeyId(), credential.region(), defaults);
    }

    /** The default scope, for the few routes that need no signature. */
    Scope defaults() {
        return defaults;
    }

    /** The SigV4 credential of an {@code Authorization} header or a presigned query; null when there is none. */
    static Credential credential(HttpHeaders headers, Map<String, List<String>> query) {
        String authorization = headers.get("Authorization");
        if (authorization != null) {
            Matcher m = AUTHORIZATION.matcher(authorization.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("Authorization header requires a SigV4 signature"
                        + " (AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...).");
            }
            String credential = null;
            String signedHeaders = null;
            String signature = null;
            for (String part : m.group(1).split(",")) {
                String[] pair = part.trim().split("=", 2);
                if (pair.length == 2) {
                    switch (pair[0].trim()) {
                        case "Credential" -> credential = pair[1].trim();
                        case "SignedHeaders" -> signedHeaders = pair[1].trim();
                        case "Signature" -> signature = pair[1].trim();
                        default -> { }
                    }
                }
            }
            return parsed(credential, signedHeaders, signature, "Authorization header");
        }
        if (first(query, "X-Amz-Algorithm") != null || first(query, "X-Amz-Signature") != null) {
            if (!"AWS4-HMAC-SHA256".equals(first(query, "X-Amz-Algorithm"))) {
                throw new IllegalArgumentException("X-Amz-Algorithm must be AWS4-HMAC-SHA256.");
            }
            return parsed(first(query, "X-Amz-Credential"), first(query, "X-Amz-SignedHeaders"),
                    first(query, "X-Amz-Signature"), "presigned URL");
        }
        return null;
    }

    private static Credential parsed(String credential, String signedHeaders, String signature, String where) {
        Matcher c = credential == null ? null : CREDENTIAL.matcher(credential);
        if (c == null || !c.matches()) {
            throw new IllegalArgumentException(where + " requires a 'Credential' parameter of the form"
                    + " <access key>/<date>/<region>/<service>/aws4_request.");
        }
        if (signedHeaders == null || !SIGNED_HEADERS.matcher(signedHeaders).matches()) {
            throw new IllegalArgumentException(where + " requires a 'SignedHeaders' parameter.");
        }
        if (signature == null || !SIGNATURE.matcher(signature).matches()) {
            throw new IllegalArgumentException(where + " requires a 'Signature' parameter of 64 hex digits.");
        }
        return new Credential(c.group(1), c.group(3), c.group(4));
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** {@code localhost}, a {@code *.localhost} name, 127.0.0.0/8 or ::1, with any port. */
    static boolean isLoopbackHost(String hostHeader) {
        Matcher m = HOST_PORT.matcher(hostHeader.trim());
        if (!m.matches()) {
            return false;
        }
        String host = m.group(1).toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        if (host.startsWith("[")) {
            return host.equals("[::1]") || host.equals("[0:0:0:0:0:0:0:1]");
        }
        return IPV4_LOOPBACK.matcher(host).matches();
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
