package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The front door under hostile requests ({@link HostileRequests}), each on its own connection: every one gets a
 * complete answer (status line, headers, a body of the length announced), none is a 5xx, and afterwards the
 * emulator still answers and the function the run could not touch is as it was.
 *
 * <p>In the suite it sends {@code fuzz.requests} requests (default 1500, a few seconds) from seed
 * {@code fuzz.seed}; for a long run: {@code ./mvnw test -Dinvoker.skip -Dtest=FrontDoorFuzzTest
 * -Dfuzz.requests=20000 -Dfuzz.seed=$RANDOM}.
 */
class FrontDoorFuzzTest {

    @TempDir
    Path dir;

    /** One parsed answer. */
    private record Answer(int status, Map<String, String> headers, byte[] body) {}

    @Test
    void hostileRequestsGetComplete4xxAnswersAndLeaveTheStateIntact() throws Exception {
        int count = Integer.getInteger("fuzz.requests", 1500);
        long seed = Long.getLong("fuzz.seed", 20261201L);
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir).functionRuntime(
                new InvokeTest.EchoRuntime()).build()); LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(createRequest(HostileRequests.TARGET, zip("a", "b")).publish(true).build());
            lambda.createAlias(b -> b.functionName(HostileRequests.TARGET).name("live").functionVersion("1"));
            lambda.publishLayerVersion(b -> b.layerName("fuzz-layer").content(c -> c.zipFile(
                    SdkBytes.fromByteArray(zip("java/lib/x.jar", "x")))));
            var before = lambda.getFunctionConfiguration(b -> b.functionName(HostileRequests.TARGET));

            HostileRequests requests = new HostileRequests(seed);
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < count && failures.size() < 10; i++) {
                HostileRequests.Request request = requests.next();
                try {
                    List<Answer> answers = send(emulator.endpoint(), request.bytes(), new String(request.bytes(), 0,
                            5, StandardCharsets.ISO_8859_1).equals("HEAD "));
                    if (answers.isEmpty()) {
                        failures.add("#" + i + " " + request.kind() + ": no answer");
                    }
                    for (Answer answer : answers) {
                        statuses.merge(answer.status(), 1, Integer::sum);
                        String problem = problem(answer);
                        if (problem != null) {
                            failures.add("#" + i + " " + request.kind() + ": " + problem);
                        }
                    }
                } catch (IOException e) {
                    failures.add("#" + i + " " + request.kind() + ": " + e);
                }
            }
            System.out.println("FrontDoorFuzzTest: " + count + " requests, seed " + seed + ", answers by status "
                    + statuses);
            assertThat(failures).as("seed %d, statuses %s", seed, statuses).isEmpty();
            assertThat(statuses.keySet()).as("the run reached handlers, not only the gate").contains(200, 400, 403,
                    404);

            var after = lambda.getFunctionConfiguration(b -> b.functionName(HostileRequests.TARGET));
            assertThat(after.revisionId()).isEqualTo(before.revisionId());
            assertThat(after.codeSha256()).isEqualTo(before.codeSha256());
            assertThat(lambda.getAlias(b -> b.functionName(HostileRequests.TARGET).name("live")).functionVersion())
                    .isEqualTo("1");
            assertThat(lambda.invoke(b -> b.functionName(HostileRequests.TARGET).qualifier("live")
                    .payload(SdkBytes.fromUtf8String("{\"still\":\"here\"}"))).payload().asUtf8String())
                    .isEqualTo("{\"still\":\"here\"}");
            assertThat(lambda.listVersionsByFunction(b -> b.functionName(HostileRequests.TARGET)).versions())
                    .hasSize(2);
        }
    }

    /** What is wrong with an answer, or null. */
    private static String problem(Answer answer) {
        if (answer.status() >= 500) {
            return answer.status() + " " + new String(answer.body(), StandardCharsets.UTF_8);
        }
        if (answer.status() >= 400) {
            boolean lambdaShape = answer.headers().containsKey("x-amzn-errortype")
                    && new String(answer.body(), StandardCharsets.UTF_8).toLowerCase().contains("\"message\"");
            boolean xmlShape = new String(answer.body(), StandardCharsets.UTF_8).contains("<Code>");
            boolean jsonShape = new String(answer.body(), StandardCharsets.UTF_8).startsWith("{\"__type\":"); // KMS
            if (!lambdaShape && !xmlShape && !jsonShape && answer.body().length > 0) {
                return answer.status() + " not in an AWS error shape: " + new String(answer.body(),
                        StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Sends {@code bytes}, ends the sending side, and parses every answer until the server closes. */
    private static List<Answer> send(URI endpoint, byte[] bytes, boolean head) throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
                socket.shutdownOutput();
            } catch (SocketException answeredEarly) {
                // the server answered and stopped reading before all was sent (an oversized request): read that
            }
            return parse(socket.getInputStream(), head);
        }
    }

    /** {@code head}: the first request is a HEAD, whose answer announces a length but has no body. */
    private static List<Answer> parse(InputStream in, boolean head) throws IOException {
        List<Answer> answers = new ArrayList<>();
        while (true) {
            String statusLine = line(in);
            if (statusLine == null) {
                return answers;
            }
            if (!statusLine.matches("HTTP/1\\.1 \\d{3} .*")) {
                throw new IOException("not a status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, String> headers = new TreeMap<>();
            for (String header; !(header = line(in)).isEmpty();) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1)
                        .trim());
            }
            if (status == 100) {
                continue;
            }
            int length = head && answers.isEmpty() ? 0 : Integer.parseInt(headers.getOrDefault("content-length",
                    "0"));
            byte[] body = in.readNBytes(length);
            if (body.length != length) {
                throw new IOException("answer " + status + " cut short: " + body.length + " of " + length + " bytes");
            }
            answers.add(new Answer(status, headers, body));
        }
    }

    /** A CRLF-ended line; null at the end of the stream before any byte. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
        if (line.size() > 0) {
            throw new IOException("the connection ended in the middle of a line: " + line);
        }
        return null;
    }
}
