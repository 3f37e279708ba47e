package dev.lambdamaven.emulator.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 server on Netty: its event loop decodes requests and streams their bodies, a pool of handler
 * threads runs the (blocking) handler of each request, one request at a time per connection, answers in order.
 * Every client error is answered by the handler's {@link Handler#malformed} in the API's own error shape, never
 * with a page of the server's or a dropped connection; all threads are daemons.
 */
public final class HttpListener implements AutoCloseable {

    private static final String NETTY_JFR = "io.netty.jfr.enabled";

    /** A request as it arrived: method, raw request target (path and query), headers and the streaming body. */
    public record Request(String method, String uri, HttpHeaders headers, InputStream body) {}

    /** What a listener serves. */
    public interface Handler {

        /** The answer to a request; runs on a handler thread and may block (read the body, the database). */
        ApiResponse handle(Request request);

        /**
         * The answer to a request that could not be read as HTTP or is refused before any handler: {@code status}
         * (400, 414, 431, 413) and what was wrong. {@code path} is the raw path when the request line was read, else
         * {@code null}.
         */
        ApiResponse malformed(int status, String path, String problem);

        /**
         * Whether a GET or HEAD without a body with these headers is answered from state at once, so that it may run on
         * the connection's event loop; false for requests that may block (one that runs a function).
         */
        default boolean answersQuickly(HttpHeaders headers) {
            return true;
        }
    }

    /** Limits of what a request may send before the handler sees it. */
    public record Limits(int maxInitialLine, int maxHeaderBytes, long stallMillis, long maxDiscard,
            int idleSeconds) {

        /** 16 KB request line, 64 KB of headers, 60 s for a stalled body, 256 MB drained after an early answer. */
        public static Limits defaults() {
            return new Limits(16 * 1024, 64 * 1024, 60_000, 256L * 1024 * 1024, 120);
        }
    }

    static {
        // Netty 4.2 describes its buffer allocations as JFR events whenever the JVM has a flight recorder, and its
        // first allocation then registers the event types before the first answer: the runnable jar answered first
        // after 586 ms with them, 536 ms without (medians of 12 alternated launches, docs/emulator.md).
        // Off unless the user asked for them (-Dio.netty.jfr.enabled=true, to profile the emulator's buffers).
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
    }

    private final EventLoopGroup loops;
    private final Channel server;

    private HttpListener(EventLoopGroup loops, Channel server) {
        this.loops = loops;
        this.server = server;
    }

    /**
     * Binds {@code host:port} (0: a free port) and serves {@code handler} on {@code workers}: on epoll where Linux
     * offers it, else on the JDK's selector. A bind that fails on epoll is tried again on the JDK's selector, whose
     * failure is the JDK's ({@link java.net.BindException} for a port in use) where epoll's is a bare errno.
     */
    public static HttpListener start(String host, int port, String name, Handler handler, ExecutorService workers,
            Limits limits) throws IOException {
        if (Epoll.isAvailable()) {
            try {
                return start(host, port, name, handler, workers, limits, true);
            } catch (IOException | RuntimeException e) {
                // the JDK's selector says why, in its words
            }
        }
        return start(host, port, name, handler, workers, limits, false);
    }

    private static HttpListener start(String host, int port, String name, Handler handler, ExecutorService workers,
            Limits limits, boolean epoll) throws IOException {
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(Math.max(1, Math.min(4,
                Runtime.getRuntime().availableProcessors())), new DefaultThreadFactory(name + "-io", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        try {
            ServerBootstrap bootstrap = new ServerBootstrap().group(loops)
                    .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 256)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    // a client that ends its side mid-request still reads our answer on the other
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(new io.netty.channel.ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(
                                    new HttpServerCodec(new HttpDecoderConfig()
                                            .setMaxInitialLineLength(limits.maxInitialLine())
                                            .setMaxHeaderSize(limits.maxHeaderBytes())
                                            .setMaxChunkSize(64 * 1024)),
                                    new IdleStateHandler(0, 0, limits.idleSeconds(), TimeUnit.SECONDS),
                                    new HttpConnection(handler, workers, limits));
                        }
                    });
            Channel server = bootstrap.bind(new InetSocketAddress(host, port)).sync().channel();
            return new HttpListener(loops, server);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IOException("interrupted while binding " + host + ":" + port, e);
        } catch (Exception e) { // sync() rethrows the bind failure (a BindException, say) as it is
            loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The bound port. */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Stops accepting and closes every connection. */
    @Override
    public void close() {
        server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        loops.shutdownGracefully(0, 200, TimeUnit.MILLISECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
