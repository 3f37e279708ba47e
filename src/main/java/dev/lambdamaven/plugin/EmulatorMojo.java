package dev.lambdamaven.plugin;

import dev.lambdamaven.emulator.EmulatorOptions;
import dev.lambdamaven.emulator.EmulatorServer;
import java.io.File;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * Runs the local Lambda emulator in the foreground until Ctrl-C (or SIGTERM), for the AWS CLI, SDKs, tests
 * and other builds: {@code mvn lambda:emulator}. Needs no project.
 */
@Mojo(name = "emulator", requiresProject = false, threadSafe = true)
public class EmulatorMojo extends AbstractLambdaMojo {

    /** Loopback port to listen on. */
    @Parameter(property = PropertyNames.EMULATOR_PORT, defaultValue = "9070")
    private int port;

    /** State directory: functions, versions, layers and code survive restarts there. */
    @Parameter(property = PropertyNames.EMULATOR_HOME, defaultValue = "${user.home}/.lambda-emulator")
    private File home;

    /** The JDK that runs Java functions invoked locally; default: a toolchain or installed JDK new enough. */
    @Parameter(property = PropertyNames.INVOKE_JAVA_HOME)
    private File invokeJavaHome;

    @Component
    private ToolchainManager toolchainManager;

    @Override
    protected String goalName() {
        return "emulator";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (port < 1 || port > 65535) {
            throw new MojoFailureException("<port> (" + PropertyNames.EMULATOR_PORT + ") is " + port
                    + "; use a port between 1 and 65535, e.g. -D" + PropertyNames.EMULATOR_PORT + "=9070");
        }
        Path dir;
        try {
            dir = Files.createDirectories(home.toPath()).toRealPath();
            EmulatorServer.serveUntilExit(EmulatorOptions.builder().stateDir(dir).port(port)
                    .functionRuntime(LocalInvoke.of(invokeJavaHome, toolchainManager, session).runtimeFor(dir))
                    .build(), getLog()::info);
        } catch (BindException e) {
            throw new MojoExecutionException("Port " + port + " is already in use. Stop what uses it or pick"
                    + " another port with -D" + PropertyNames.EMULATOR_PORT + "=<port>.", e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot start the Lambda emulator on " + home + ": " + e.getMessage(), e);
        }
    }
}
