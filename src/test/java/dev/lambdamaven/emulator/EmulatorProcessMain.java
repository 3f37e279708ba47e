package dev.lambdamaven.emulator;

import dev.lambdamaven.emulator.runtime.LocalFunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs an emulator in a child JVM (crash and cold-start tests): prints its endpoint, then serves until killed. */
public final class EmulatorProcessMain {

    private static final String ENDPOINT = "ENDPOINT ";
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

    /** A child JVM serving {@code stateDir}, started with the test class path; closing kills it (kill -9). */
    record Child(Process process, URI endpoint) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }
    }

    /** Starts the child and waits until it prints its endpoint; fails if it ends before that. */
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
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        StringBuilder output = new StringBuilder();
        for (String line; (line = out.readLine()) != null;) {
            if (line.startsWith(ENDPOINT)) {
                return new Child(process, URI.create(line.substring(ENDPOINT.length())));
            }
            output.append(line).append('\n');
        }
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("the emulator process ended (exit " + process.exitValue()
                + ") without serving:\n" + output);
    }
}
