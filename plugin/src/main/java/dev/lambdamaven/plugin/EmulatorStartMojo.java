package dev.lambdamaven.plugin;

import dev.lambdamaven.emulator.BackgroundEmulator;
import dev.lambdamaven.emulator.EmulatorCommandLine;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts the local Lambda emulator in the background and returns: {@code mvn lambda:emulator-start}. It keeps
 * running after the build, announced in {@code <home>/endpoint.json}, so every later build on the same state
 * directory uses it and its warm execution environments. {@code mvn lambda:emulator-stop} stops it. Does
 * nothing when an emulator already serves the state directory. Needs no project.
 */
@Mojo(name = "emulator-start", requiresProject = false, threadSafe = true)
public class EmulatorStartMojo extends AbstractEmulatorMojo {

    /** How long to wait for the new emulator to answer. */
    @Parameter(property = PropertyNames.EMULATOR_START_TIMEOUT, defaultValue = "30")
    private int startTimeoutSeconds;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        checkPort();
        List<Path> classPath = plugin.getArtifacts().stream().map(Artifact::getFile).filter(f -> f != null)
                .map(File::toPath).toList();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        EmulatorCommandLine line = new EmulatorCommandLine(port, home.toPath(), host,
                invokeJavaHome == null ? null : invokeJavaHome.toPath());
        try {
            BackgroundEmulator.Running running = BackgroundEmulator.start(java, classPath, line,
                    Duration.ofSeconds(startTimeoutSeconds));
            if (running.started()) {
                getLog().info("Started the Lambda emulator in the background at " + running.endpoint() + " (pid "
                        + running.pid() + ", state: " + home + ", log: " + home.toPath().resolve(BackgroundEmulator.LOG)
                        + ")");
            } else {
                getLog().info("A Lambda emulator already serves " + home + " at " + running.endpoint() + " (pid "
                        + running.pid() + "): builds use it");
            }
            getLog().info("Builds on this state directory now use it; stop it with mvn " + plugin.getGroupId() + ":"
                    + plugin.getArtifactId() + ":" + plugin.getVersion() + ":emulator-stop");
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot start the Lambda emulator in the background on " + home + " (port "
                    + port + "): " + e.getMessage(), e);
        }
    }
}
