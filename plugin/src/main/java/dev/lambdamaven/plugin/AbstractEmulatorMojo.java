package dev.lambdamaven.plugin;

import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What lambda:emulator and lambda:emulator-start share: where the emulator listens and keeps its state. */
abstract class AbstractEmulatorMojo extends AbstractLambdaMojo {

    /** Loopback port to listen on; 0 picks a free one (builds find it through {@code endpoint.json}). */
    @Parameter(property = PropertyNames.EMULATOR_PORT, defaultValue = "9070")
    protected int port;

    /**
     * The address to listen on: loopback by default. Another address (say {@code 0.0.0.0} in a container) serves
     * other hosts too, and then any {@code Host} header is taken: do it on purpose only.
     */
    @Parameter(property = PropertyNames.EMULATOR_HOST, defaultValue = "127.0.0.1")
    protected String host;

    /** State directory: functions, versions, layers and code survive restarts there, shared with the builds. */
    @Parameter(property = PropertyNames.EMULATOR_HOME, defaultValue = "${user.home}/.lambda-emulator")
    protected File home;

    /** The JDK that runs Java functions invoked locally; default: a toolchain or installed JDK new enough. */
    @Parameter(property = PropertyNames.INVOKE_JAVA_HOME)
    protected File invokeJavaHome;

    /** Fails naming the property when the port cannot be one. */
    protected void checkPort() throws MojoFailureException {
        if (port < 0 || port > 65535) {
            throw new MojoFailureException("<port> (" + PropertyNames.EMULATOR_PORT + ") is " + port
                    + "; use a port between 1 and 65535 (0 picks a free one), e.g. -D" + PropertyNames.EMULATOR_PORT
                    + "=9070");
        }
    }
}
