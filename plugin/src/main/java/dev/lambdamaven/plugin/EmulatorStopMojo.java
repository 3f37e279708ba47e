package dev.lambdamaven.plugin;

import dev.lambdamaven.emulator.BackgroundEmulator;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Stops the emulator that serves a state directory ({@code mvn lambda:emulator-stop}): one started by
 * {@code lambda:emulator-start}, a foreground {@code lambda:emulator} or the runnable emulator jar. It closes
 * cleanly, with every execution environment it started. Does nothing when none is running. Needs no project.
 */
@Mojo(name = "emulator-stop", requiresProject = false, threadSafe = true)
public class EmulatorStopMojo extends AbstractLambdaMojo {

    /** State directory of the emulator to stop. */
    @Parameter(property = PropertyNames.EMULATOR_HOME, defaultValue = "${user.home}/.lambda-emulator")
    private File home;

    @Override
    protected void run() throws MojoExecutionException {
        if (!home.isDirectory()) {
            getLog().info("No Lambda emulator serves " + home + " (no such directory)");
            return;
        }
        try {
            Optional<BackgroundEmulator.Running> stopped = BackgroundEmulator.stop(home.toPath(), Duration.ofSeconds(15));
            getLog().info(stopped.map(r -> "Stopped the Lambda emulator at " + r.endpoint() + " (pid " + r.pid() + ")")
                    .orElse("No Lambda emulator serves " + home));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot stop the Lambda emulator of " + home + ": " + e.getMessage(), e);
        }
    }
}
