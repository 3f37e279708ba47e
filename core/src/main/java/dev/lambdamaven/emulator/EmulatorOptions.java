package dev.lambdamaven.emulator;

import dev.lambdamaven.emulator.runtime.FunctionRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link Emulator} starts: state directory, loopback address, account identity, state delays and the
 * grace period of the blob collector.
 */
public final class EmulatorOptions {

    private final Path stateDir;
    private final String host;
    private final int port;
    private final String region;
    private final String accountId;
    private final Duration activationDelay;
    private final Duration vpcActivationDelay;
    private final Duration updateDelay;
    private final FunctionRuntime functionRuntime;
    private final Duration blobGracePeriod;
    private final Duration asyncRetryDelay;
    private final boolean warmAfterUpdate;

    private EmulatorOptions(Builder b) {
        this.stateDir = Objects.requireNonNull(b.stateDir, "stateDir");
        this.host = b.host;
        this.port = b.port;
        this.region = b.region;
        this.accountId = b.accountId;
        this.activationDelay = b.activationDelay;
        this.vpcActivationDelay = b.vpcActivationDelay;
        this.updateDelay = b.updateDelay;
        this.functionRuntime = b.functionRuntime;
        this.blobGracePeriod = b.blobGracePeriod;
        this.asyncRetryDelay = b.asyncRetryDelay;
        this.warmAfterUpdate = b.warmAfterUpdate;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path stateDir() {
        return stateDir;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    /** How long a new function stays {@code Pending}. */
    public Duration activationDelay() {
        return activationDelay;
    }

    /** How long a new or updated function with a VPC configuration stays pending (ENI creation on AWS). */
    public Duration vpcActivationDelay() {
        return vpcActivationDelay;
    }

    /** How long {@code LastUpdateStatus} stays {@code InProgress} after an update. */
    public Duration updateDelay() {
        return updateDelay;
    }

    /** Runs invocations; {@code null} makes Invoke answer a service error. The emulator closes it on close. */
    public FunctionRuntime functionRuntime() {
        return functionRuntime;
    }

    /**
     * How long a stored zip or S3 object must have been unreferenced, and untouched by a writer, before the
     * collector deletes it: a writer (here or in another emulator on the same directory) stores a blob before it
     * commits the row that references it, and a reader resolves a blob's path before it opens the file.
     */
    public Duration blobGracePeriod() {
        return blobGracePeriod;
    }

    /**
     * How long a failed Event invocation waits before its first retry; the second waits twice as long (AWS: 1 and 2
     * minutes).
     */
    public Duration asyncRetryDelay() {
        return asyncRetryDelay;
    }

    /**
     * Whether each code or configuration update of a function starts an execution environment of its new
     * {@code $LATEST} at once (as SAM's {@code --warm-containers EAGER} does), so the next invoke is warm: what
     * {@code lambda:dev} asks for. Off by default: on AWS the first invoke after an update is a cold start.
     */
    public boolean warmAfterUpdate() {
        return warmAfterUpdate;
    }

    /**
     * Builder with short defaults: 127.0.0.1, a free port, us-east-1, account 123456789012, state delays of tens of
     * milliseconds.
     */
    public static final class Builder {
        private Path stateDir;
        private String host = "127.0.0.1";
        private int port;
        private String region = "us-east-1";
        private String accountId = "123456789012";
        // long enough that a client sees Pending and InProgress, too short to cost a deploy anything noticeable;
        // tests of waiters set AWS-like seconds
        private Duration activationDelay = Duration.ofMillis(30);
        private Duration vpcActivationDelay = Duration.ofMillis(60);
        private Duration updateDelay = Duration.ofMillis(30);
        private FunctionRuntime functionRuntime;
        private Duration blobGracePeriod = Duration.ofMinutes(10);
        private Duration asyncRetryDelay = Duration.ofSeconds(1);
        private boolean warmAfterUpdate;

        private Builder() {}

        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir;
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        public Builder accountId(String accountId) {
            if (!accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits: " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        public Builder activationDelay(Duration delay) {
            this.activationDelay = nonNegative(delay);
            return this;
        }

        public Builder vpcActivationDelay(Duration delay) {
            this.vpcActivationDelay = nonNegative(delay);
            return this;
        }

        public Builder updateDelay(Duration delay) {
            this.updateDelay = nonNegative(delay);
            return this;
        }

        public Builder functionRuntime(FunctionRuntime runtime) {
            this.functionRuntime = runtime;
            return this;
        }

        /** Default 10 minutes; tests use zero to see unreferenced blobs deleted at once. */
        public Builder blobGracePeriod(Duration gracePeriod) {
            if (gracePeriod.isNegative()) {
                throw new IllegalArgumentException("blobGracePeriod must not be negative: " + gracePeriod);
            }
            this.blobGracePeriod = gracePeriod;
            return this;
        }

        /** Default 1 second (AWS waits a minute); tests shorten it. */
        public Builder asyncRetryDelay(Duration delay) {
            this.asyncRetryDelay = nonNegative(delay);
            return this;
        }

        /** See {@link EmulatorOptions#warmAfterUpdate()}. */
        public Builder warmAfterUpdate(boolean warm) {
            this.warmAfterUpdate = warm;
            return this;
        }

        public EmulatorOptions build() {
            return new EmulatorOptions(this);
        }

        private static Duration nonNegative(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + d);
            }
            return d;
        }
    }
}
