package dev.lambdamaven.emulator.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.JDBC;

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
    /** How often {@link #changeCount} asks SQLite whether another process committed. */
    private static final long WATCH_INTERVAL_NANOS = 1_000_000;

    private final String url;
    private final BlockingQueue<Connection> idle;
    private final Semaphore permits;
    private final List<Connection> all = new CopyOnWriteArrayList<>();
    private final ReentrantLock writers = new ReentrantLock(true);
    /** Moves on with every commit of this process, and when {@link #watcher} sees another process's. */
    private final AtomicLong changes = new AtomicLong();
    private final ReentrantLock watching = new ReentrantLock();
    private Connection watcher; // under watching: PRAGMA data_version, which moves when another connection commits
    private long watchedVersion;
    private volatile long watchedAt = System.nanoTime() - WATCH_INTERVAL_NANOS;

    private Database(Path file, int size) {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.idle = new ArrayBlockingQueue<>(size);
        this.permits = new Semaphore(size);
    }

    /** Opens the database with up to {@code connections} connections, each opened on first need. */
    public static Database open(Path file, int connections) throws SQLException {
        SqliteLibrary.load(file.toAbsolutePath().getParent());
        try {
            OwnerOnly.file(file); // SQLite gives its -wal and -shm files the database's mode
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create " + file + ": " + e.getMessage(), e);
        }
        Database db = new Database(file, connections);
        try {
            db.createSchema();
            return db;
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Creates or migrates the tables in one write transaction, with foreign key checks off while a migration
     * rebuilds referenced tables, and checked once it is done.
     */
    private void createSchema() throws SQLException {
        Connection c = borrow();
        try {
            execute(c, "PRAGMA foreign_keys=OFF");
            execute(c, "BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                Schema.create(c);
                if (Sql.exists(c, "PRAGMA foreign_key_check")) {
                    throw new SQLException("the emulator database has rows that reference missing rows");
                }
                execute(c, "COMMIT");
                committed = true;
            } finally {
                if (!committed) {
                    rollbackQuietly(c);
                }
            }
        } finally {
            execute(c, "PRAGMA foreign_keys=ON");
            giveBack(c);
        }
    }

    public <T> T read(Work<T> work) {
        Connection c = borrow();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            giveBack(c);
        }
    }

    /** Runs {@code work} in a {@code BEGIN IMMEDIATE} transaction, committed before this method returns. */
    public <T> T write(Work<T> work) {
        // writers of this process queue here, in order, rather than in SQLite's busy handler, which sleeps in
        // growing steps (up to 100 ms) between attempts: that sleep was what made a write's p99 many times its p50
        // under concurrent writers. Another process on the directory still meets the busy timeout.
        writers.lock();
        Connection c;
        try {
            c = borrow();
        } catch (RuntimeException e) {
            writers.unlock();
            throw e;
        }
        try {
            execute(c, "BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                T result = work.run(c);
                execute(c, "COMMIT");
                committed = true;
                changes.incrementAndGet();
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly(c);
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            giveBack(c);
            writers.unlock();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * A number that changes whenever the database may have changed since it was last taken: at once for a commit of
     * this process, within about a millisecond for one of another emulator on the same directory. Taken before a
     * read, it tells a cache of that read's answer when the answer may be stale.
     */
    public long changeCount() {
        long now = System.nanoTime();
        if (now - watchedAt >= WATCH_INTERVAL_NANOS && watching.tryLock()) {
            try {
                if (watcher == null) {
                    watcher = connect();
                    watchedVersion = dataVersion(watcher);
                } else {
                    long version = dataVersion(watcher);
                    if (version != watchedVersion) {
                        watchedVersion = version;
                        changes.incrementAndGet();
                    }
                }
                watchedAt = now;
            } catch (SQLException e) {
                changes.incrementAndGet(); // unknown: take it as a change
            } finally {
                watching.unlock();
            }
        }
        return changes.get();
    }

    private static long dataVersion(Connection c) throws SQLException {
        return Sql.one(c, "PRAGMA data_version", rs -> rs.getLong(1)).orElseThrow();
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
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(new SQLException("interrupted while waiting for a connection", e));
        }
        Connection c = idle.poll();
        if (c != null) {
            return c;
        }
        try {
            return connect();
        } catch (SQLException e) {
            permits.release();
            throw new StoreException(e);
        }
    }

    private void giveBack(Connection c) {
        idle.add(c);
        permits.release();
    }

    private Connection connect() throws SQLException {
        // straight to the driver: DriverManager would first scan the class path for every JDBC driver
        Connection c = JDBC.createConnection(url, new Properties());
        all.add(c);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA foreign_keys=ON");
        }
        return c;
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
