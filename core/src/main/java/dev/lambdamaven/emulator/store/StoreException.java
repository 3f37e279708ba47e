package dev.lambdamaven.emulator.store;

import java.sql.SQLException;

/** A database failure; answered as a service error, never as a stack trace. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
