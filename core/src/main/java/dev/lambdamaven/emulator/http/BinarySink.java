package dev.lambdamaven.emulator.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Where the binary members of a request body (a base64 {@code ZipFile}) go as they are decoded, so that a 50 MB
 * package is never held in memory: the blob store, in the emulator.
 */
public interface BinarySink {

    /** A new, empty binary value being written. */
    Binary open() throws IOException;

    /** One binary value: written through {@link #out}, then {@link #commit}ted; closed without a commit, discarded. */
    interface Binary extends Closeable {

        OutputStream out();

        /** Finishes the value: what the request's tree holds in its place (e.g. the stored blob). */
        Object commit() throws IOException;
    }
}
