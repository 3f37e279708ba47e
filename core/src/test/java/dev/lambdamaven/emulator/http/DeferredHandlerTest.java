package dev.lambdamaven.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A listener bound before its API is ready: early requests wait for it, or learn that the start failed. */
class DeferredHandlerTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final DeferredHandler deferred = new DeferredHandler();
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpListener listener;

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
        workers.shutdownNow();
    }

    @Test
    void aRequestBeforeTheApiIsReadyWaitsForItAndIsServedByIt() throws Exception {
        listener = HttpListener.start("127.0.0.1", 0, "deferred-test", deferred, workers, HttpListener.Limits.defaults());
        CompletableFuture<HttpResponse<String>> early = client.sendAsync(get("/2015-03-31/functions/"),
                HttpResponse.BodyHandlers.ofString());

        Thread.sleep(200); // the request has arrived by now, and must still be waiting
        assertThat(early).isNotDone();
        deferred.ready(new Answering("ready"));

        HttpResponse<String> answer = early.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("ready GET /2015-03-31/functions/");
        assertThat(client.send(get("/later"), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("ready GET /later");
    }

    @Test
    void requestsWaitingForAStartThatFailsAreAnswered503() throws Exception {
        listener = HttpListener.start("127.0.0.1", 0, "deferred-test", deferred, workers, HttpListener.Limits.defaults());
        CompletableFuture<HttpResponse<String>> early = client.sendAsync(get("/"), HttpResponse.BodyHandlers.ofString());

        Thread.sleep(200);
        deferred.failed();

        HttpResponse<String> answer = early.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo("the emulator did not start");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path))
                .timeout(Duration.ofSeconds(10)).build();
    }

    /** Answers every request with a label, the method and the request target. */
    private record Answering(String label) implements HttpListener.Handler {

        @Override
        public ApiResponse handle(HttpListener.Request request) {
            return ApiResponse.bytes(200, (label + " " + request.method() + " " + request.uri())
                    .getBytes(StandardCharsets.UTF_8), "text/plain");
        }

        @Override
        public ApiResponse malformed(int status, String path, String problem) {
            return ApiResponse.bytes(status, problem.getBytes(StandardCharsets.UTF_8), "text/plain");
        }
    }
}
