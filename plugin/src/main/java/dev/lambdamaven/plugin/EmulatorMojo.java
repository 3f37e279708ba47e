package dev.lambdamaven.plugin;

import dev.lambdamaven.emulator.EmulatorOptions;
import dev.lambdamaven.emulator.EmulatorServer;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * Runs the local Lambda emulator in the foreground until Ctrl-C (or SIGTERM), for the AWS CLI, SDKs, tests
 * and other builds: {@code mvn lambda:emulator}. Needs no project (outside one, add the plugin group
 * {@code dev.lambdamaven} to settings.xml, or use the full coordinates). Skip it with
 * {@code -Dlambda.emulator.skip}.
 */
@Mojo(name = "emulator", requiresProject = false, threadSafe = true)
public class EmulatorMojo extends AbstractEmulatorMojo {

    @Component
    private ToolchainManager toolchainManager;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        checkPort();
        Path dir;
        try {
            dir = Files.createDirectories(home.toPath()).toRealPath();
            EmulatorServer.serveUntilExit(EmulatorOptions.builder().stateDir(dir).host(host).port(port)
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
