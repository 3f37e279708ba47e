package dev.lambdamaven.emulator.runtime;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An application class-data-sharing archive of the runtime interface client, so that a new Java environment maps
 * the client's classes (and the shaded Jackson its POJO serializer loads) instead of loading and verifying them:
 * a POJO handler's cold start dropped from 0.86-1.08 s to 0.2-0.6 s on the 2-core development machine.
 *
 * <p>The archive is built once per JDK and client jars, in the background, by a training run of the client
 * with a JDK method as its handler ({@code java.util.HashMap::putAll} takes a JSON object, so the POJO serializer
 * loads) and no Runtime API to talk to: the client fails to fetch an event and exits, and the JVM writes the
 * archive ({@code -XX:ArchiveClassesAtExit}, JDK 13+). Environments started before it is ready simply run
 * without it. It is only valid while the client jars come first on the class path, as {@link EnvironmentLauncher}
 * puts them.
 */
final class ClassDataArchive implements AutoCloseable {

    private static final Duration TRAINING_LIMIT = Duration.ofSeconds(60);
    /** The training is an optimisation: it must not slow down the environments and builds that run meanwhile. */
    private static final List<String> NICE = Files.isExecutable(Path.of("/usr/bin/nice"))
            ? List.of("/usr/bin/nice", "-n", "10") : List.of();

    private final Path directory;
    private final Set<Path> started = ConcurrentHashMap.newKeySet();
    private final Map<Path, Runnable> wanted = new ConcurrentHashMap<>();
    private final Set<Process> trainers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    ClassDataArchive(Path directory) {
        this.directory = directory;
    }

    /**
     * JVM options that use the archive for this JDK and these jars, once it exists. Until then, the archive is
     * built by {@link #buildWanted()}, which the runtime calls once an environment started without it has answered
     * its first invocation: on a machine of two cores, a training run beside that first environment would slow
     * it down by about as much as the archive saves later ones.
     */
    List<String> jvmOptions(Path javaHome, List<Path> clientJars, Path nativeLibrary) {
        if (JavaHomeResolver.featureVersion(javaHome).orElse(0) < 13) {
            return List.of(); // dynamic archives need JDK 13+
        }
        Path archive = directory.resolve(key(javaHome, clientJars) + ".jsa");
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off");
        }
        wanted.putIfAbsent(archive, () -> build(archive, javaHome, clientJars, nativeLibrary));
        return List.of();
    }

    /** Starts building, in the background, each archive an environment had to start without. */
    void buildWanted() {
        for (Map.Entry<Path, Runnable> want : wanted.entrySet()) {
            if (!closed && started.add(want.getKey()) && wanted.remove(want.getKey(), want.getValue())) {
                Thread builder = new Thread(want.getValue(), "lambda-runtime-cds-training");
                builder.setDaemon(true);
                builder.start();
            }
        }
    }

    private void build(Path archive, Path javaHome, List<Path> clientJars, Path nativeLibrary) {
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, "training-", ".jsa.part");
            Files.delete(temp); // the JVM creates it
            List<String> command = new ArrayList<>(NICE);
            command.addAll(List.of(
                    JavaHomeResolver.javaLauncher(javaHome).toString(),
                    "-XX:ArchiveClassesAtExit=" + temp,
                    "-Xlog:cds*=off",
                    "-XX:-UsePerfData",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-D" + NativeClientLibrary.JNI_PROPERTY + "=" + nativeLibrary,
                    "-cp", String.join(java.io.File.pathSeparator, clientJars.stream().map(Path::toString).toList()),
                    RuntimeClientClasspath.MAIN_CLASS,
                    "java.util.HashMap::putAll"));
            ProcessBuilder training = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = training.environment();
            env.clear();
            env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + closedPort());
            env.put("LAMBDA_TASK_ROOT", directory.toString());
            env.put("_HANDLER", "java.util.HashMap::putAll");
            Process process = training.start();
            trainers.add(process);
            process.getOutputStream().close();
            if (!process.waitFor(TRAINING_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                ExecutionEnvironment.killTree(process.toHandle());
            }
            trainers.remove(process);
            if (!closed && Files.isRegularFile(temp) && Files.size(temp) > 0) {
                Files.move(temp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // no archive: environments start without it, as before
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // a leftover part file is harmless
                }
            }
        }
    }

    /** A loopback port nobody listens on, so that the training client's first request fails at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Names the archive after everything it depends on: the JDK and the exact jars. */
    private static String key(Path javaHome, List<Path> clientJars) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(javaHome.toRealPath().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(javaHome.resolve("release")));
            for (Path jar : clientJars) {
                digest.update((jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar))
                        .getBytes(StandardCharsets.UTF_8));
            }
            return "runtime-client-" + HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "runtime-client-unkeyed-" + Integer.toHexString(clientJars.hashCode());
        }
    }

    /** Kills a training run still going, and waits (at most 2 s) until it has ended. */
    @Override
    public void close() {
        closed = true;
        trainers.forEach(p -> ExecutionEnvironment.killTree(p.toHandle()));
        for (Process trainer : trainers) {
            try {
                trainer.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
