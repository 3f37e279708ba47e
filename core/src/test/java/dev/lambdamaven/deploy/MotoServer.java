package dev.lambdamaven.deploy;

import dev.lambdamaven.ExternalTools;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A {@code moto_server} child process on a free loopback port, for deployer tests against a real HTTP
 * implementation of the Lambda, S3 and EC2 APIs. Tests are skipped (with the reason) where it is not installed, and
 * fail in CI ({@link ExternalTools}).
 */
public final class MotoServer implements DeployPeer {

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static MotoServer start() throws Exception {
        ExternalTools.require("moto_server", "pip install 'moto[server]'");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("moto", ".log");
        Process process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MotoServer moto = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
        moto.awaitReady(log);
        moto.createRole();
        return moto;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    private void awaitReady(Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited: " + Files.readString(log));
            }
            try {
                http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("moto_server did not start: " + Files.readString(log));
    }

    /** moto checks that a function's role exists: create it through IAM's query API. */
    private void createRole() throws Exception {
        String body = "Action=CreateRole&Version=2010-05-08&RoleName=lambda-test&AssumeRolePolicyDocument="
                + URLEncoder.encode("{\"Version\":\"2012-10-17\",\"Statement\":[]}", StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/iam/aws4_request,"
                        + " SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("CreateRole failed: " + response.body());
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
