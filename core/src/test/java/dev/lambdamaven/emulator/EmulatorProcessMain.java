package dev.lambdamaven.emulator;

import dev.lambdamaven.emulator.runtime.LocalFunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs an emulator in a child JVM (crash and cold-start tests): prints its endpoint, then serves until killed. */
public final class EmulatorProcessMain {

    private static final String ENDPOINT = "ENDPOINT ";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    static final String LOCAL_RUNTIME = "--local-runtime";

    private EmulatorProcessMain() {}

    /** Arguments: the state directory, then {@code --local-runtime} to run functions in child processes. */
    public static void main(String[] args) throws Exception {
        Path stateDir = Path.of(args[0]);
        EmulatorOptions.Builder options = EmulatorFixture.options(stateDir);
        if (args.length > 1 && args[1].equals(LOCAL_RUNTIME)) {
            options.functionRuntime(new LocalFunctionRuntime(
                    LocalRuntimeOptions.defaults(stateDir.resolve("environments"))));
        }
        Emulator emulator = Emulator.start(options.build());
        System.out.println(ENDPOINT + emulator.endpoint());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /**
     * A child JVM serving a state directory; closing kills it (kill -9). Its output is read to the end by a
     * daemon thread, so a chatty child never blocks on a full pipe, and is kept for failure messages.
     */
    static final class Child implements AutoCloseable {
        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final CompletableFuture<URI> endpoint = new CompletableFuture<>();

        private Child(Process process) {
            this.process = process;
            Thread drain = new Thread(this::drain, "emulator-child-output-" + process.pid());
            drain.setDaemon(true);
            drain.start();
        }

        private void drain() {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null;) {
                    if (line.startsWith(ENDPOINT) && !endpoint.isDone()) {
                        endpoint.complete(URI.create(line.substring(ENDPOINT.length())));
                    } else {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException | RuntimeException e) {
                output.append("(output unreadable: ").append(e).append(")\n");
            }
            endpoint.completeExceptionally(new IllegalStateException("the emulator process ended without serving"));
        }

        URI endpoint() {
            return endpoint.join();
        }

        Process process() {
            return process;
        }

        /** What the child printed besides its endpoint line, so far. */
        String output() {
            return output.toString();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the emulator process " + process.pid() + " survived kill -9 for 30 s");
            }
        }
    }

    /**
     * Starts the child and waits (at most a minute) until it prints its endpoint; fails with its output if it ends
     * or takes longer.
     */
    static Child start(Path stateDir, String... jvmOptions) throws IOException, InterruptedException {
        return start(stateDir, List.of(jvmOptions), List.of());
    }

    /** As {@link #start(Path, String...)}, with the child's own arguments after the state directory. */
    static Child start(Path stateDir, List<String> jvmOptions, List<String> arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EmulatorProcessMain.class.getName(),
                stateDir.toString()));
        command.addAll(arguments);
        Child child = new Child(new ProcessBuilder(command).redirectErrorStream(true).start());
        try {
            child.endpoint.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return child;
        } catch (ExecutionException | TimeoutException e) {
            child.close();
            throw new IllegalStateException("the emulator process did not serve within " + START_TIMEOUT.toSeconds()
                    + " s (exit " + child.process.exitValue() + "):\n" + child.output(), e);
        }
    }
}
