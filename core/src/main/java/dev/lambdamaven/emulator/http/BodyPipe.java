package dev.lambdamaven.emulator.http;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A request body as an {@link InputStream} for a handler thread, fed by the connection's event loop as the body
 * arrives. Backpressure: the loop stops reading the socket while more than {@link #HIGH_WATER} bytes wait here
 * and resumes when the reader has taken them ({@code onDrained}). A body that stops arriving for
 * {@code stallMillis} fails the read, so no handler thread waits forever.
 */
final class BodyPipe extends InputStream {

    static final int HIGH_WATER = 1 << 20;
    private static final int LOW_WATER = 256 * 1024;

    private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
    private final Runnable onDrained;
    private final long stallMillis;
    private Runnable sendContinue; // an "Expect: 100-continue" not answered yet
    private long buffered;
    private long received;
    private boolean ended;
    private IOException failure;
    private boolean closed;

    BodyPipe(Runnable onDrained, long stallMillis) {
        this.onDrained = onDrained;
        this.stallMillis = stallMillis;
    }

    /** The client waits for "100 Continue" before it sends the body: sent when the handler first reads. */
    synchronized void expectContinue(Runnable send) {
        this.sendContinue = send;
    }

    /** Whether the client was told to send its body (or did not wait to be told). */
    synchronized boolean continued() {
        return sendContinue == null;
    }

    /** Event loop: a chunk of the body (the pipe owns it now). Returns whether the loop should stop reading. */
    synchronized boolean offer(ByteBuf chunk) {
        if (closed || failure != null) {
            chunk.release();
            return false;
        }
        int size = chunk.readableBytes();
        if (size == 0) {
            chunk.release();
            return false;
        }
        chunks.add(chunk);
        buffered += size;
        received += size;
        notifyAll();
        return buffered > HIGH_WATER;
    }

    /** Event loop: the body is complete. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** Event loop: the body cannot be read to its end (malformed chunk, connection closed). */
    synchronized void fail(IOException cause) {
        if (failure == null && !ended) {
            failure = cause;
        }
        notifyAll();
    }

    /** Bytes of body received so far. */
    synchronized long received() {
        return received;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** @throws UnreadableBodyException when the body cannot be read to its end */
    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        Runnable drained = null;
        int n;
        synchronized (this) {
            ByteBuf chunk;
            try {
                chunk = awaitChunk();
            } catch (InterruptedIOException e) {
                throw e; // the emulator is stopping: not the client's doing
            } catch (IOException e) {
                throw new UnreadableBodyException(e.getMessage());
            }
            if (chunk == null) {
                return -1;
            }
            n = Math.min(length, chunk.readableBytes());
            chunk.readBytes(buffer, offset, n);
            if (!chunk.isReadable()) {
                chunks.poll().release();
            }
            long before = buffered;
            buffered -= n;
            if (before > LOW_WATER && buffered <= LOW_WATER) {
                drained = onDrained;
            }
        }
        if (drained != null) {
            drained.run();
        }
        return n;
    }

    /**
     * Reads and drops what is left of the body, at most {@code limit} bytes more; false when the body did not end
     * within that (or cannot be read to its end), so the connection must close instead of carrying another request.
     */
    boolean drain(long limit) {
        if (!continued()) {
            return false; // the client may or may not send it now: only closing the connection is unambiguous
        }
        byte[] buffer = new byte[64 * 1024];
        long left = limit;
        try {
            int n;
            while ((n = read(buffer, 0, (int) Math.min(buffer.length, Math.max(1, left)))) >= 0) {
                left -= n;
                if (left < 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnreadableBodyException e) {
            return false;
        }
    }

    private ByteBuf awaitChunk() throws IOException {
        if (closed) {
            throw new IOException("the request body was closed");
        }
        if (sendContinue != null) {
            Runnable send = sendContinue;
            sendContinue = null;
            send.run();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(stallMillis);
        while (chunks.isEmpty()) {
            if (failure != null) {
                throw failure;
            }
            if (ended) {
                return null;
            }
            long waitNanos = deadline - System.nanoTime();
            if (waitNanos <= 0) {
                throw new IOException("the request body stopped arriving for " + stallMillis + " ms");
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the request body");
            }
        }
        return chunks.peek();
    }

    /** Releases what is buffered; later reads fail. */
    @Override
    public synchronized void close() {
        closed = true;
        ByteBuf chunk;
        while ((chunk = chunks.poll()) != null) {
            chunk.release();
        }
        buffered = 0;
        notifyAll();
    }
}
