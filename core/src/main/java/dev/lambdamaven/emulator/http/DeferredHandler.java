package dev.lambdamaven.emulator.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The handler of a listener bound before its API is built, so that a cold start loads the HTTP server's classes
 * while the database opens: a request that arrives meanwhile (a client polling the port) waits for the handler,
 * on a handler thread, and is then served as any other. A start that fails answers them as a 503.
 */
public final class DeferredHandler implements HttpListener.Handler {

    /** Answers what waited for a start that failed, while the listener closes. */
    private static final HttpListener.Handler NOT_STARTED = new HttpListener.Handler() {
        @Override
        public ApiResponse handle(HttpListener.Request request) {
            return plain(503, "the emulator did not start");
        }

        @Override
        public ApiResponse malformed(int status, String path, String problem) {
            return plain(status, problem);
        }
    };

    private final CompletableFuture<HttpListener.Handler> ready = new CompletableFuture<>();

    /** Serves {@code handler} from now on, to waiting requests first. */
    public void ready(HttpListener.Handler handler) {
        ready.complete(handler);
    }

    /** The start failed: waiting requests are answered 503 (the listener closes next). */
    public void failed() {
        ready.complete(NOT_STARTED);
    }

    @Override
    public ApiResponse handle(HttpListener.Request request) {
        return ready.join().handle(request);
    }

    @Override
    public ApiResponse malformed(int status, String path, String problem) {
        // on the event loop, which must not wait: a request this early is answered as plain text
        return ready.getNow(NOT_STARTED).malformed(status, path, problem);
    }

    /** Until the handler is ready, every request goes to a handler thread, where it may wait. */
    @Override
    public boolean answersQuickly(HttpHeaders headers) {
        HttpListener.Handler handler = ready.getNow(null);
        return handler != null && handler.answersQuickly(headers);
    }

    private static ApiResponse plain(int status, String text) {
        return ApiResponse.bytes(status, text.getBytes(StandardCharsets.UTF_8), "text/plain");
    }
}
