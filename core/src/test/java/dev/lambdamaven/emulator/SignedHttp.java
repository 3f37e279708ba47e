package dev.lambdamaven.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Raw HTTP requests signed as the AWS SDKs sign them (the SDK's own SigV4 signer), for tests that need to send what
 * the SDK would not: malformed bodies, wrong types, odd paths.
 */
public final class SignedHttp {

    /** Headers {@code java.net.http} sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect",
            "upgrade");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI endpoint;
    private final String accessKeyId;
    private final String region;

    public SignedHttp(URI endpoint) {
        this(endpoint, "AKIDEXAMPLE", "us-east-1");
    }

    public SignedHttp(URI endpoint, String accessKeyId, String region) {
        this.endpoint = endpoint;
        this.accessKeyId = accessKeyId;
        this.region = region;
    }

    /** {@code method path} with {@code body} (null: none), signed for the {@code lambda} service. */
    public HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, "lambda", Map.of());
    }

    public HttpResponse<String> send(String method, String path, String body, String service,
            Map<String, String> headers) throws Exception {
        return http.send(request(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), service,
                headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A signed request builder for {@code path} (with its raw query), to send with any body handler. */
    public HttpRequest.Builder request(String method, String path, byte[] body, String service,
            Map<String, String> headers) {
        URI uri = URI.create(endpoint + path);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method));
        headers.forEach(unsigned::putHeader);
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKeyId, "secret"))
                .request(unsigned.build())
                .payload(body == null ? null : ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        return request;
    }
}
