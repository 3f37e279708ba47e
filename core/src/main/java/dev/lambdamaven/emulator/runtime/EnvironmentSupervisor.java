package dev.lambdamaven.emulator.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Ends an execution environment's processes when its emulator ends, however it ends: also after {@code kill -9},
 * when no shutdown hook runs. The runtime (the JVM or {@code bootstrap}) runs under a few lines of bash whose
 * stdin is a pipe from the emulator. The kernel closes that pipe when the emulator's process dies; the supervisor
 * then kills the runtime's process group, which holds the runtime and everything it started.
 *
 * <p>Why this way: the runtime's own stdin is no signal (a {@code bootstrap} never reads it);
 * {@code PR_SET_PDEATHSIG} fires when the JVM <em>thread</em> that started the child ends, not the JVM, and
 * needs a native helper; a supervisor JVM would cost tens of milliseconds and megabytes per environment. bash
 * starts in a few milliseconds and is on every Linux with a JDK and on macOS. Without bash, environments start
 * directly and end only with a clean stop of their emulator (logged once).
 */
final class EnvironmentSupervisor {

    private static final Logger LOG = Logger.getLogger(EnvironmentSupervisor.class.getName());

    /**
     * $1: where to write the runtime's pid; the rest: the runtime's command. fd 3 keeps the emulator's pipe; the
     * runtime gets an empty stdin, as before. {@code set -m} gives the runtime a process group of its own.
     */
    static final String SCRIPT = String.join("\n",
            "exec 3<&0 0</dev/null",
            "pid_file=$1; shift",
            "set -m",
            "\"$@\" &",
            "runtime=$!",
            "set +m",
            "printf '%s\\n' \"$runtime\" > \"$pid_file\"",
            "exec 2>/dev/null", // no job notices of this shell in the function's log
            "{ while read -r -u 3 _; do :; done; kill -KILL -- \"-$runtime\"; } &",
            "watcher=$!",
            "wait \"$runtime\"",
            "status=$?",
            "kill -KILL -- \"$watcher\" \"-$runtime\"",
            "wait", // reaps the watcher: left to init, it would linger as a zombie
            "exit \"$status\"");

    private static final Optional<Path> BASH = findBash();

    private EnvironmentSupervisor() {}

    /** {@code command} run under the supervisor, which writes the runtime's pid to {@code pidFile}. */
    static List<String> wrap(List<String> command, Path pidFile) {
        if (BASH.isEmpty()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(BASH.get().toString(), "-c", SCRIPT, "lambda-environment",
                pidFile.toString()));
        wrapped.addAll(command);
        return wrapped;
    }

    /** The runtime's pid as the supervisor recorded it, if it did. */
    static Optional<Long> runtimePid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> findBash() {
        Stream<Path> candidates = Stream.concat(Stream.of(Path.of("/bin/bash"), Path.of("/usr/bin/bash")),
                Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "bash")));
        Optional<Path> bash = candidates.filter(Files::isExecutable).findFirst();
        if (bash.isEmpty()) {
            LOG.warning("bash not found: local execution environments run unsupervised, and a function process can"
                    + " outlive an emulator that is killed (kill -9) instead of stopped");
        }
        return bash;
    }
}
