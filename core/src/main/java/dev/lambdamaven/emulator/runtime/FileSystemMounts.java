package dev.lambdamaven.emulator.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A function's file systems (EFS access points) at their mount paths: on Linux, where unprivileged user namespaces
 * are allowed and {@code unshare} (util-linux) is installed, the runtime runs in a mount namespace of its own with a
 * fresh {@code /mnt} (tmpfs) and each access point's directory bind-mounted at its {@code LocalMountPath}, as its own
 * user again (a nested user namespace maps it back). Elsewhere nothing is mounted: the function finds its file system
 * through {@link #VARIABLE} only.
 */
final class FileSystemMounts {

    private static final Logger LOG = Logger.getLogger(FileSystemMounts.class.getName());

    /** Where the function finds its file system: the mount path when mounted, the host directory otherwise. */
    static final String VARIABLE = "LAMBDA_EMULATOR_FILE_SYSTEM";

    /**
     * $@: pairs of mount path and directory, {@code --}, the nested unshare's command. Runs as root of the new user
     * namespace, whose mounts only this environment sees.
     */
    private static final String SCRIPT = String.join("\n",
            "set -e",
            "mount -t tmpfs -o mode=755 lambda-mnt /mnt",
            "while [ \"$1\" != -- ]; do mkdir -p \"$1\"; mount --bind \"$2\" \"$1\"; shift 2; done",
            "shift",
            "exec \"$@\"");

    private static volatile Optional<Path> unshare;

    private FileSystemMounts() {}

    /**
     * {@code command} run with {@code mounts} (mount path to directory) in place, or {@code command} as it is when
     * this machine cannot mount them for an unprivileged process (logged).
     */
    static List<String> wrap(List<String> command, Map<String, Path> mounts, String functionName) {
        if (mounts.isEmpty()) {
            return command;
        }
        Optional<Path> tool = unshare();
        if (tool.isEmpty()) {
            LOG.warning("Function " + functionName + " mounts " + mounts.keySet() + ": this machine cannot mount a"
                    + " file system for a local process (Linux with unprivileged user namespaces and util-linux's"
                    + " unshare are needed); it finds its directory in $" + VARIABLE + " only.");
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(tool.get().toString(), "--user", "--map-root-user", "--mount",
                "--propagation", "private", "/bin/sh", "-c", SCRIPT, "lambda-mounts"));
        mounts.forEach((path, dir) -> {
            wrapped.add(path);
            wrapped.add(dir.toString());
        });
        wrapped.add("--");
        long[] ids = ids();
        wrapped.addAll(List.of(tool.get().toString(), "--user", "--map-user=" + ids[0], "--map-group=" + ids[1],
                "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Whether {@link #wrap} mounts file systems on this machine. */
    static boolean supported() {
        return unshare().isPresent();
    }

    private static Optional<Path> unshare() {
        Optional<Path> found = unshare;
        if (found == null) {
            found = probe();
            unshare = found;
        }
        return found;
    }

    /** {@code unshare} on the PATH, if it can give an unprivileged process a mount namespace with a tmpfs on /mnt. */
    private static Optional<Path> probe() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "unshare");
            if (Files.isExecutable(candidate) && works(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean works(Path tool) {
        try {
            Process probe = new ProcessBuilder(tool.toString(), "--user", "--map-root-user", "--mount", "/bin/sh",
                    "-c", "mount -t tmpfs lambda-mnt /mnt").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(5, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** This process's user and group ids (Linux: the owner of /proc/self). */
    private static long[] ids() {
        try {
            return new long[] {((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue(),
                    ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:gid")).longValue()};
        } catch (IOException | UnsupportedOperationException e) {
            return new long[] {0, 0};
        }
    }
}
