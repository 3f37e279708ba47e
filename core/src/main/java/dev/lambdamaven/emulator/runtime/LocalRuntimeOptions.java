package dev.lambdamaven.emulator.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link LocalFunctionRuntime}.
 *
 * @param workDirectory      where execution environments get their task, layer and temp directories
 * @param idleTimeout        how long an idle (warm) environment is kept before its process is stopped
 * @param javaHome           the JDK that runs Java functions ({@code lambda.invoke.javaHome}); {@code null}
 *                           picks one (see {@link JavaHomeResolver})
 * @param knownJdks          JDK homes known to the build (Maven toolchains), tried before {@code /usr/lib/jvm}
 * @param runtimeClientJars  the runtime interface client and its dependencies; empty finds them on this
 *                           class path (see {@link RuntimeClientClasspath})
 * @param initTimeout        how long a new environment may take to ask for its first event (AWS: 10 s)
 */
public record LocalRuntimeOptions(
        Path workDirectory,
        Duration idleTimeout,
        Path javaHome,
        List<Path> knownJdks,
        List<Path> runtimeClientJars,
        Duration initTimeout) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_INIT_TIMEOUT = Duration.ofSeconds(10);

    public LocalRuntimeOptions {
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(initTimeout, "initTimeout");
        knownJdks = List.copyOf(knownJdks);
        runtimeClientJars = List.copyOf(runtimeClientJars);
    }

    /** Defaults: 5 minutes idle, a JDK found automatically, the runtime client from this class path. */
    public static LocalRuntimeOptions defaults(Path workDirectory) {
        return new LocalRuntimeOptions(
                workDirectory, DEFAULT_IDLE_TIMEOUT, null, List.of(), List.of(), DEFAULT_INIT_TIMEOUT);
    }

    public LocalRuntimeOptions withIdleTimeout(Duration idle) {
        return new LocalRuntimeOptions(workDirectory, idle, javaHome, knownJdks, runtimeClientJars, initTimeout);
    }

    public LocalRuntimeOptions withKnownJdks(List<Path> homes) {
        return new LocalRuntimeOptions(workDirectory, idleTimeout, javaHome, homes, runtimeClientJars, initTimeout);
    }

    public LocalRuntimeOptions withJavaHome(Path home) {
        return new LocalRuntimeOptions(workDirectory, idleTimeout, home, knownJdks, runtimeClientJars, initTimeout);
    }
}
