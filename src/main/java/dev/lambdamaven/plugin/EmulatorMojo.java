package dev.lambdamaven.plugin;

import dev.lambdamaven.emulator.Emulator;
import dev.lambdamaven.emulator.EmulatorOptions;
import dev.lambdamaven.emulator.EndpointFile;
import java.io.File;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * Runs the local Lambda emulator in the foreground until Ctrl-C (or SIGTERM), for the AWS CLI, SDKs, tests
 * and other builds: {@code mvn lambda:emulator}. Needs no project (outside one, add the plugin group
 * {@code dev.lambdamaven} to settings.xml, or use the full coordinates). Skip it with
 * {@code -Dlambda.emulator.skip}.
 */
@Mojo(name = "emulator", requiresProject = false, threadSafe = true)
public class EmulatorMojo extends AbstractLambdaMojo {

    /** Loopback port to listen on. */
    @Parameter(property = PropertyNames.EMULATOR_PORT, defaultValue = "9070")
    private int port;

    /**
     * The address to listen on: loopback by default. Another address (say {@code 0.0.0.0} in a container) serves
     * other hosts too, and then any {@code Host} header is taken: do it on purpose only.
     */
    @Parameter(property = PropertyNames.EMULATOR_HOST, defaultValue = "127.0.0.1")
    private String host;

    /** State directory: functions, versions, layers and code survive restarts there. */
    @Parameter(property = PropertyNames.EMULATOR_HOME, defaultValue = "${user.home}/.lambda-emulator")
    private File home;

    /** The JDK that runs Java functions invoked locally; default: a toolchain or installed JDK new enough. */
    @Parameter(property = PropertyNames.INVOKE_JAVA_HOME)
    private File invokeJavaHome;

    @Component
    private ToolchainManager toolchainManager;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (port < 1 || port > 65535) {
            throw new MojoFailureException("<port> (" + PropertyNames.EMULATOR_PORT + ") is " + port
                    + "; use a port between 1 and 65535, e.g. -D" + PropertyNames.EMULATOR_PORT + "=9070");
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C/SIGTERM: release serve() and keep the JVM alive until it has closed the emulator
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lambda-emulator-ctrl-c"));
        try {
            serve(home.toPath(), host, port, LocalInvoke.of(invokeJavaHome, toolchainManager, session), getLog(),
                    stop);
        } finally {
            stopped.countDown();
        }
    }

    /** Serves until {@code stop} opens; the emulator is closed and its endpoint file removed on the way out. */
    static void serve(Path home, String host, int port, LocalInvoke invoke, Log log, CountDownLatch stop)
            throws MojoExecutionException {
        Emulator emulator;
        Path dir;
        long startNanos = System.nanoTime();
        try {
            dir = Files.createDirectories(home).toRealPath();
            emulator = Emulator.start(EmulatorOptions.builder().stateDir(dir).host(host).port(port)
                    .functionRuntime(invoke.runtimeFor(dir)).build());
        } catch (BindException e) {
            throw new MojoExecutionException("Port " + port + " is already in use. Stop what uses it or pick"
                    + " another port with -D" + PropertyNames.EMULATOR_PORT + "=<port>.", e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot start the Lambda emulator on " + home + ": " + e.getMessage(), e);
        }
        try {
            EndpointFile.write(dir, emulator.endpoint());
            log.info("Lambda emulator listening on " + emulator.endpoint() + " (state: " + dir + "), started in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos) + " ms");
            log.info("Try: aws --endpoint-url " + emulator.endpoint() + " lambda list-functions");
            log.info("Press Ctrl-C to stop.");
            stop.await();
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + dir.resolve("endpoint.json") + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            emulator.close();
            EndpointFile.deleteIfOwned(dir, emulator.endpoint());
            log.info("Lambda emulator stopped.");
        }
    }
}
