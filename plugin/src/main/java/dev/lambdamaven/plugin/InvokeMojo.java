package dev.lambdamaven.plugin;

import dev.lambdamaven.config.AliasSpec;
import dev.lambdamaven.deploy.Deployer;
import dev.lambdamaven.deploy.InvokeResult;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Invokes the function on the target, through its alias by default, and prints the response, the version
 * that ran and the log tail: {@code mvn lambda:invoke -Dlambda.payload='{"name":"x"}'}. Fails the build on a
 * function error unless {@code -Dlambda.invoke.failOnError=false}. In a reactor it invokes every function
 * module. Skip it with {@code -Dlambda.invoke.skip}.
 */
@Mojo(name = "invoke", threadSafe = true)
public class InvokeMojo extends AbstractNamedFunctionMojo {

    /** The alias invoked when no {@code qualifier} is given. */
    @Parameter(property = PropertyNames.ALIAS, defaultValue = AliasSpec.DEFAULT_NAME)
    private String alias;

    /** The event, as JSON; default {@code {}}. */
    @Parameter(property = PropertyNames.PAYLOAD)
    private String payload;

    /** A file holding the event, instead of {@code payload}. */
    @Parameter(property = PropertyNames.PAYLOAD_FILE)
    private File payloadFile;

    /** Version or alias to invoke ({@code $LATEST} for the unpublished code); default: the alias. */
    @Parameter(property = PropertyNames.QUALIFIER)
    private String qualifier;

    /** Whether a function error (an exception, a timeout) fails the build. */
    @Parameter(property = PropertyNames.INVOKE_FAIL_ON_ERROR, defaultValue = "true")
    private boolean failOnError;

    /** Where to write the response, besides the log. */
    @Parameter(property = PropertyNames.INVOKE_OUTPUT_FILE)
    private File outputFile;

    @Override
    protected boolean inSummary() {
        return false;
    }

    @Override
    protected void deploy() throws MojoFailureException {
        String target = qualifier != null && !qualifier.isBlank() ? qualifier.trim() : alias;
        byte[] event = Payloads.read("payload", payload, "payloadFile", payloadFile);
        InvokeResult result;
        try (Deployer deployer = openDeployer(resolveTarget())) {
            result = deployer.invoke(functionName, "$LATEST".equals(target) ? null : target,
                    event == null ? "{}".getBytes(StandardCharsets.UTF_8) : event);
        }
        getLog().info("Invoked " + functionName + ":" + target + ", version " + result.executedVersion() + " ran"
                + (result.failed() ? ", function error " + result.functionError() : ""));
        if (!result.logTail().isBlank()) {
            getLog().info("Log tail:");
            result.logTail().lines().forEach(line -> getLog().info("  " + line));
        }
        getLog().info("Response: " + result.payload());
        writeOutput(result.payload());
        if (result.failed() && failOnError) {
            throw new MojoFailureException("Function " + functionName + ":" + target + " failed ("
                    + result.functionError() + "): " + result.payload()
                    + ". Fix the function, or set -D" + PropertyNames.INVOKE_FAIL_ON_ERROR + "=false to only report it.");
        }
    }

    private void writeOutput(String response) {
        if (outputFile == null) {
            return;
        }
        try {
            Files.createDirectories(outputFile.toPath().toAbsolutePath().getParent());
            Files.writeString(outputFile.toPath(), response, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outputFile, e);
        }
    }
}
