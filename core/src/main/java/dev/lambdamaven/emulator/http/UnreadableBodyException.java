package dev.lambdamaven.emulator.http;

/**
 * A request body that cannot be read to its end, by the client's doing: malformed chunked encoding, a connection
 * ended before the announced length, a body that stopped arriving. Unchecked, so that it passes through the JSON
 * parser and the blob store as what it is, and is answered as a 400, not as the emulator's failure.
 */
public final class UnreadableBodyException extends RuntimeException {

    UnreadableBodyException(String message) {
        super(message, null, false, false);
    }
}
