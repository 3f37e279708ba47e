package dev.lambdamaven.emulator;

import dev.lambdamaven.emulator.runtime.LocalFunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeOptions;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The runnable emulator jar ({@code java -jar lambda-maven-plugin-<version>-emulator.jar}) and the process
 * {@code lambda:emulator-start} runs in the background: {@link EmulatorServer} on the options of
 * {@link EmulatorCommandLine}, with local invoke. Exit codes: 0 after a clean stop, 1 when it cannot serve,
 * 2 for bad options.
 */
public final class EmulatorMain {

    private EmulatorMain() {}

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(EmulatorCommandLine.USAGE);
            return;
        }
        EmulatorCommandLine line;
        try {
            line = EmulatorCommandLine.parse(arguments, System.getProperties());
        } catch (EmulatorCommandLine.UsageException e) {
            System.err.println(e.getMessage());
            System.err.println(EmulatorCommandLine.USAGE);
            System.exit(2);
            return;
        }
        try {
            Path dir = Files.createDirectories(line.home()).toRealPath();
            EmulatorServer.serveUntilExit(EmulatorOptions.builder().stateDir(dir).host(line.host()).port(line.port())
                    .functionRuntime(new LocalFunctionRuntime(LocalRuntimeOptions.defaults(dir.resolve("environments"))
                            .withJavaHome(line.invokeJavaHome())))
                    .build(), System.out::println);
        } catch (BindException e) {
            fail("Port " + line.port() + " on " + line.host() + " is already in use. Stop what uses it or pick another"
                    + " port with --port <port>.");
        } catch (IOException | RuntimeException e) {
            fail("Cannot start the Lambda emulator on " + line.home() + ": " + e.getMessage());
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
