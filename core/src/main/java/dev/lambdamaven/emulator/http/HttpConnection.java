package dev.lambdamaven.emulator.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client connection: takes each decoded request, hands it with a streaming body to a handler thread, writes
 * the answer, then takes the next request (pipelined requests wait, in order). A connection that cannot carry
 * another request is answered, then half-closed: the client reads the whole answer before it sees the end.
 * Everything here runs on the connection's event loop, except {@link #run} (and the handlers it runs).
 */
final class HttpConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(HttpConnection.class.getName());

    /** The request in progress. */
    private static final class Exchange {
        final HttpRequest request;
        final BodyPipe body;
        boolean bodyEnded;
        boolean closeAfter;
        boolean inline; // answered on the event loop (see readsOnly)

        Exchange(HttpRequest request, BodyPipe body) {
            this.request = request;
            this.body = body;
        }
    }

    private final HttpListener.Handler handler;
    private final ExecutorService workers;
    private final HttpListener.Limits limits;
    private final ArrayDeque<Object> waiting = new ArrayDeque<>(); // pipelined messages behind the current request
    private Exchange current;
    private boolean closing; // answered for the last time: whatever else arrives is dropped
    private boolean bodyFull;
    private boolean inputEnded; // the client shut down its side

    HttpConnection(HttpListener.Handler handler, ExecutorService workers, HttpListener.Limits limits) {
        this.handler = handler;
        this.workers = workers;
        this.limits = limits;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
        } else if (current != null && (current.bodyEnded || msg instanceof HttpRequest)) {
            waiting.add(msg); // a pipelined request: its turn comes after this one's answer
            updateReading(ctx);
        } else if (msg instanceof HttpRequest request) {
            start(ctx, request);
            ReferenceCountUtil.release(msg);
        } else if (msg instanceof HttpContent content && current != null) {
            body(ctx, content);
        } else {
            ReferenceCountUtil.release(msg); // content of a request refused already
        }
    }

    private void start(ChannelHandlerContext ctx, HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            int status = cause instanceof TooLongHttpLineException ? 414
                    : cause instanceof TooLongHttpHeaderException ? 431
                    : cause instanceof TooLongFrameException ? 413 : 400;
            String path = request.uri() == null || request.uri().equals("/bad-request") ? null : rawPath(request);
            refuse(ctx, handler.malformed(status, path, "the request is not valid HTTP/1.1 ("
                    + String.valueOf(cause.getMessage()).replaceAll("\\s+", " ") + ")"));
            return;
        }
        HttpHeaders headers = request.headers();
        String encoding = headers.get(HttpHeaderNames.TRANSFER_ENCODING);
        if (encoding != null && (!encoding.trim().equalsIgnoreCase(HttpHeaderValues.CHUNKED.toString())
                || headers.contains(HttpHeaderNames.CONTENT_LENGTH))) {
            refuse(ctx, handler.malformed(400, rawPath(request), "Transfer-Encoding '" + encoding + "' is not"
                    + " supported: send the body with Content-Length, or as 'chunked' alone"));
            return;
        }
        BodyPipe body = new BodyPipe(() -> ctx.executor().execute(() -> {
            bodyFull = false;
            updateReading(ctx);
        }), limits.stallMillis());
        if (HttpUtil.is100ContinueExpected(request)) {
            body.expectContinue(() -> ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.CONTINUE)));
        }
        Exchange exchange = new Exchange(request, body);
        current = exchange;
        exchange.inline = readsOnly(request) && handler.answersQuickly(request.headers());
        if (exchange.inline) {
            return; // answered here when its (empty) end arrives, below
        }
        try {
            workers.execute(() -> run(ctx, exchange));
        } catch (RejectedExecutionException e) {
            current = null;
            body.close();
            refuse(ctx, handler.malformed(429, rawPath(request), "too many requests at once: retry later"));
        }
    }

    /**
     * A GET or HEAD without a body reads state and answers from memory or a file: it runs on the event loop, with
     * no hand-off to a handler thread and back (two thread switches, which dominated such a request).
     */
    private static boolean readsOnly(HttpRequest request) {
        HttpMethod method = request.method();
        return (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD))
                && !HttpUtil.isContentLengthSet(request) && !HttpUtil.isTransferEncodingChunked(request)
                && !HttpUtil.is100ContinueExpected(request);
    }

    private void body(ChannelHandlerContext ctx, HttpContent content) {
        Exchange exchange = current;
        try {
            if (content.decoderResult().isFailure()) {
                exchange.closeAfter = true;
                exchange.bodyEnded = true;
                exchange.body.fail(new IOException("the request body is not valid HTTP/1.1 chunked encoding ("
                        + content.decoderResult().cause().getMessage() + ")"));
                return;
            }
            if (exchange.body.offer(content.content().retain())) {
                bodyFull = true;
                updateReading(ctx);
            }
            if (content instanceof LastHttpContent) {
                exchange.bodyEnded = true;
                exchange.body.end();
                if (exchange.inline) {
                    answer(ctx, exchange, handle(exchange), HttpUtil.isKeepAlive(exchange.request));
                }
            }
        } finally {
            content.release();
        }
    }

    /** Handler thread: runs the request, drains what it left of the body, then has the answer written. */
    private void run(ChannelHandlerContext ctx, Exchange exchange) {
        ApiResponse response = handle(exchange);
        boolean keepAlive = HttpUtil.isKeepAlive(exchange.request) && exchange.body.drain(limits.maxDiscard());
        ctx.executor().execute(() -> answer(ctx, exchange, response, keepAlive));
    }

    private ApiResponse handle(Exchange exchange) {
        HttpRequest request = exchange.request;
        try {
            return handler.handle(new HttpListener.Request(request.method().name(), request.uri(),
                    request.headers(), exchange.body));
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "a request failed unexpectedly", e);
            return handler.malformed(500, null, "internal error");
        }
    }

    /** Event loop: writes the answer, then takes the next request, or closes. */
    private void answer(ChannelHandlerContext ctx, Exchange exchange, ApiResponse response, boolean keepAlive) {
        exchange.body.close();
        boolean again = keepAlive && !exchange.closeAfter;
        ChannelFuture written = write(ctx, exchange.request.method().equals(HttpMethod.HEAD), response, again);
        current = null;
        if (again) {
            // the next request, and as much of its body as waited with it
            while (!closing && !waiting.isEmpty() && (current == null || !current.bodyEnded)) {
                channelRead(ctx, waiting.poll());
            }
            if (current == null && inputEnded) {
                written.addListener(done -> ctx.close()); // nothing more will come
            }
            updateReading(ctx);
        } else {
            closeAfter(ctx, written);
        }
    }

    private ChannelFuture write(ChannelHandlerContext ctx, boolean head, ApiResponse response, boolean keepAlive) {
        int status = response.status();
        boolean noBody = head || status == 204 || status == 304;
        if (response.file() != null && !noBody) {
            try {
                FileChannel file = FileChannel.open(response.file(), StandardOpenOption.READ);
                HttpResponse start = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
                headers(start, response, keepAlive);
                HttpUtil.setContentLength(start, file.size());
                ctx.write(start);
                ctx.write(new DefaultFileRegion(file, 0, file.size()));
                return ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot send " + response.file(), e);
                response = handler.malformed(500, null, "internal error");
                status = response.status();
            }
        }
        byte[] bytes = response.body() == null ? new byte[0] : response.body();
        DefaultFullHttpResponse full = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), noBody ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        headers(full, response, keepAlive);
        if (status != 204 && !full.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            HttpUtil.setContentLength(full, response.file() != null ? fileSize(response) : bytes.length);
        }
        return ctx.writeAndFlush(full);
    }

    private static void headers(HttpResponse message, ApiResponse response, boolean keepAlive) {
        HttpHeaders headers = message.headers();
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            headers.set(header.getKey(), header.getValue());
        }
        for (Map.Entry<String, String> header : response.repeatedHeaders()) {
            headers.add(header.getKey(), header.getValue());
        }
        headers.set(HttpHeaderNames.DATE, HttpDate.now());
        HttpUtil.setKeepAlive(message, keepAlive);
    }

    private static long fileSize(ApiResponse response) {
        try {
            return java.nio.file.Files.size(response.file());
        } catch (IOException e) {
            return 0;
        }
    }

    /** Answers before any handler ran; the connection then closes. */
    private void refuse(ChannelHandlerContext ctx, ApiResponse response) {
        closeAfter(ctx, write(ctx, false, response, false));
    }

    /**
     * Half-closes once {@code written} is out: the client reads the whole answer, then sees the end of the stream,
     * rather than a reset that could overtake the answer while it is still sending. What it still sends is read
     * and dropped until it closes (or the connection idles out).
     */
    private void closeAfter(ChannelHandlerContext ctx, ChannelFuture written) {
        closing = true;
        releaseWaiting();
        updateReading(ctx);
        written.addListener(done -> {
            if (!inputEnded && ctx.channel() instanceof SocketChannel socket && done.isSuccess()) {
                socket.shutdownOutput();
            } else {
                ctx.close();
            }
        });
    }

    /** Reads from the socket unless a body waits to be consumed or pipelined requests wait their turn. */
    private void updateReading(ChannelHandlerContext ctx) {
        if (inputEnded) {
            return; // nothing more will come, and epoll fails a change of interest on a half-closed socket
        }
        boolean read = closing || !bodyFull && waiting.isEmpty();
        if (ctx.channel().config().isAutoRead() != read) {
            ctx.channel().config().setAutoRead(read);
        }
    }

    private void releaseWaiting() {
        Object msg;
        while ((msg = waiting.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && (current == null || closing)) {
            ctx.close(); // an idle keep-alive connection, or a client that never closes after our last answer
        } else if (event instanceof ChannelInputShutdownEvent) {
            // the client sent all it will: a request in progress is answered (an unfinished body fails its read),
            // then the connection closes; between requests it closes now
            inputEnded = true;
            if (current == null && waiting.isEmpty()) {
                ctx.close();
            } else if (current != null && !current.bodyEnded) {
                current.body.fail(new IOException("the client ended the connection before the end of the body"));
                current.closeAfter = true;
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (current != null) {
            current.body.fail(new IOException("the client closed the connection"));
        }
        releaseWaiting();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) { // a reset connection is the client's business
            LOG.log(Level.FINE, "connection failed", cause);
        }
        ctx.close();
    }

    private static String rawPath(HttpRequest request) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** The {@code Date} header, formatted once a second. */
    private static final class HttpDate {
        private static volatile String text = "";
        private static volatile long second = -1;

        static String now() {
            long now = System.currentTimeMillis() / 1000;
            if (now != second) {
                text = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
                second = now;
            }
            return text;
        }
    }
}
