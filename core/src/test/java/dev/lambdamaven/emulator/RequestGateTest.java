package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * What a web page in the developer's browser could send is refused before any operation runs: a cross-site form
 * POST (no CORS preflight needed), a DNS-rebinding request (the page's own host name on the loopback port), an
 * unsigned request. The AWS SDK, which signs and names a loopback host, still works.
 */
class RequestGateTest {

    private static final String CREATE = "{\"FunctionName\":\"planted\",\"Role\":\"" + EmulatorFixture.ROLE
            + "\",\"Runtime\":\"provided.al2023\",\"Handler\":\"x\",\"Code\":{\"ZipFile\":\""
            + Base64.getEncoder().encodeToString(zip("bootstrap", "#!/bin/sh\ntouch /tmp/pwned\n")) + "\"}}";

    @TempDir
    Path dir;

    @Test
    void aCrossSiteFormPostIsRefusedAndCreatesNothing() throws Exception {
        try (Emulator emulator = EmulatorFixture.start(dir); LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            // what <form method=post enctype=text/plain action=http://127.0.0.1:PORT/2015-03-31/functions> sends
            String answer = raw(emulator.endpoint(), "POST /2015-03-31/functions HTTP/1.1\r\nHost: 127.0.0.1:"
                    + emulator.endpoint().getPort() + "\r\nContent-Type: text/plain\r\nOrigin: https://evil.example"
                    + "\r\nSec-Fetch-Mode: navigate\r\nSec-Fetch-Site: cross-site\r\nContent-Length: "
                    + CREATE.length() + "\r\n\r\n" + CREATE);
            assertThat(answer).startsWith("HTTP/1.1 403 ").contains("x-amzn-ErrorType: AccessDeniedException")
                    .contains("does not answer requests from web pages (Origin: https://evil.example)");
            // the same without Origin, as a no-cors fetch: its Sec-Fetch headers give it away
            String noOrigin = raw(emulator.endpoint(), "POST /2015-03-31/functions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Sec-Fetch-Mode: no-cors\r\nContent-Length: " + CREATE.length() + "\r\n\r\n" + CREATE);
            assertThat(noOrigin).startsWith("HTTP/1.1 403 ");
            assertThat(lambda.listFunctions().functions()).isEmpty();
        }
    }

    @Test
    void aRebindingHostIsRefusedEvenWhenSigned() throws Exception {
        try (Emulator emulator = EmulatorFixture.start(dir); LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(createRequest("secret-env", zip("a", "b"))
                    .environment(e -> e.variables(Map.of("DB_PASSWORD", "hunter2"))).build());
            String answer = raw(emulator.endpoint(), "GET /2015-03-31/functions/secret-env HTTP/1.1\r\nHost:"
                    + " attacker.example:" + emulator.endpoint().getPort() + "\r\nAuthorization: AWS4-HMAC-SHA256"
                    + " Credential=AKIDEXAMPLE/20261201/us-east-1/lambda/aws4_request, SignedHeaders=host,"
                    + " Signature=" + "ab".repeat(32) + "\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 403 ").contains("loopback host names only")
                    .doesNotContain("hunter2");
            for (String host : new String[] {"localhost", "LOCALHOST:1", "api.localhost", "127.0.0.2", "[::1]:9"}) {
                assertThat(raw(emulator.endpoint(), "GET /2015-03-31/functions HTTP/1.1\r\nHost: " + host
                        + "\r\nAuthorization: AWS4-HMAC-SHA256 Credential=A/20261201/us-east-1/lambda/aws4_request,"
                        + " SignedHeaders=host, Signature=" + "ab".repeat(32) + "\r\n\r\n")).as(host)
                        .startsWith("HTTP/1.1 200 ");
            }
        }
    }

    @Test
    void anUnsignedRequestIsRefusedAsAwsRefusesIt() throws Exception {
        try (Emulator emulator = EmulatorFixture.start(dir)) {
            String answer = raw(emulator.endpoint(), "GET /2015-03-31/functions HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            // AWS's answer to an unsigned Lambda request, quoted in brefphp/bref#1250 and aws/chalice#12
            assertThat(answer).startsWith("HTTP/1.1 403 ")
                    .contains("x-amzn-ErrorType: MissingAuthenticationTokenException")
                    .contains("\"message\":\"Missing Authentication Token\"");
            String s3 = raw(emulator.endpoint(), "GET /bucket/key HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(s3).startsWith("HTTP/1.1 403 ").contains("<Code>AccessDenied</Code>");
            String badRegion = raw(emulator.endpoint(), "GET /2015-03-31/functions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: AWS4-HMAC-SHA256 Credential=A/20261201/moon-1/lambda/aws4_request,"
                    + " SignedHeaders=host, Signature=" + "ab".repeat(32) + "\r\n\r\n");
            assertThat(badRegion).startsWith("HTTP/1.1 403 ").contains("InvalidSignatureException")
                    .contains("Credential should be scoped to a valid region");
        }
    }

    @Test
    void listeningBeyondLoopbackOnPurposeTakesOtherHostNames() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir).host("0.0.0.0").build())) {
            URI local = URI.create("http://127.0.0.1:" + emulator.endpoint().getPort());
            assertThat(raw(local, "GET /2015-03-31/functions HTTP/1.1\r\nHost: lambda-emulator:9070\r\n"
                    + "Authorization: AWS4-HMAC-SHA256 Credential=A/20261201/us-east-1/lambda/aws4_request,"
                    + " SignedHeaders=host, Signature=" + "ab".repeat(32) + "\r\n\r\n")).startsWith("HTTP/1.1 200 ");
            assertThat(raw(local, "GET /2015-03-31/functions HTTP/1.1\r\nHost: lambda-emulator\r\nOrigin: http://x\r\n"
                    + "\r\n")).startsWith("HTTP/1.1 403 ");
        }
    }

    @Test
    void theStateDirectoryIsTheOwnersOnly() throws Exception {
        Files.createDirectories(dir.resolve("state"));
        try (Emulator emulator = EmulatorFixture.start(dir.resolve("state"));
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(createRequest("private", zip("a", "b"))
                    .environment(e -> e.variables(Map.of("KEY", "v")))
                    .vpcConfig(v -> v.subnetIds(VpcTest.SUBNET).securityGroupIds(VpcTest.GROUP)).build());
        }
        try (Stream<Path> all = Files.walk(dir.resolve("state"))) {
            for (Path path : all.toList()) {
                Set<PosixFilePermission> modes = Files.getPosixFilePermissions(path);
                assertThat(modes).as(path.toString()).doesNotContain(PosixFilePermission.GROUP_READ,
                        PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_WRITE,
                        PosixFilePermission.OTHERS_WRITE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE);
            }
        }
    }

    /** Sends {@code request} as it is, and returns the answer (the connection closes after it). */
    static String raw(URI endpoint, String request) throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
