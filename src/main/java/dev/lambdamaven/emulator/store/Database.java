package dev.lambdamaven.emulator.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The SQLite metadata database: WAL journal, a busy timeout so a second emulator process on the same state
 * directory waits instead of failing, {@code synchronous=FULL} so a commit is on disk before the response,
 * and {@code BEGIN IMMEDIATE} for every write so allocations (version numbers, layer versions) are taken
 * under the database's write lock.
 */
public final class Database implements AutoCloseable {

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final int BUSY_TIMEOUT_MS = 30_000;

    private final BlockingQueue<Connection> pool;
    private final List<Connection> all = new ArrayList<>();

    private Database(int size) {
        this.pool = new ArrayBlockingQueue<>(size);
    }

    public static Database open(Path file, int connections) throws SQLException {
        Database db = new Database(connections);
        try {
            for (int i = 0; i < connections; i++) {
                Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                db.all.add(c);
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA synchronous=FULL");
                    s.execute("PRAGMA foreign_keys=ON");
                }
                db.pool.add(c);
            }
            db.write(c -> {
                Schema.create(c);
                return null;
            });
            return db;
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public <T> T read(Work<T> work) {
        Connection c = borrow();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            pool.add(c);
        }
    }

    /** Runs {@code work} in a {@code BEGIN IMMEDIATE} transaction, committed before this method returns. */
    public <T> T write(Work<T> work) {
        Connection c = borrow();
        try {
            execute(c, "BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                T result = work.run(c);
                execute(c, "COMMIT");
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly(c);
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            pool.add(c);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            execute(c, "ROLLBACK");
        } catch (SQLException ignored) {
            // the transaction is already gone; nothing was committed
        }
    }

    private Connection borrow() {
        try {
            return pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(new SQLException("interrupted while waiting for a connection", e));
        }
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing: nothing left to do with a broken connection
            }
        }
    }
}
