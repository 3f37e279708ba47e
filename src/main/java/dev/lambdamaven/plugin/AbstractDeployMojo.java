package dev.lambdamaven.plugin;

import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.SecretValue;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.deploy.DeployException;
import dev.lambdamaven.deploy.DeployRefusedException;
import dev.lambdamaven.deploy.Deployer;
import dev.lambdamaven.deploy.DeploymentReport;
import java.io.File;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.apache.maven.toolchain.ToolchainManager;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Shared by the deploy goals: where to deploy, the deployment report, the reactor summary, and the mapping of
 * the deployer's typed exceptions. Configuration mistakes and refusals fail the build naming the fix; service
 * and I/O failures are execution errors with their cause. Every message passes through {@link #scrub} first,
 * so a secret value that a service echoed never reaches the console.
 */
public abstract class AbstractDeployMojo extends AbstractLambdaMojo {

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /** {@code emulator} (default: the local emulator) or {@code aws}. Nothing reaches AWS unless this says so. */
    @Parameter(property = PropertyNames.TARGET, defaultValue = "emulator")
    protected String target;

    /** Overrides the service URL: a running emulator, LocalStack, moto. */
    @Parameter(property = PropertyNames.ENDPOINT)
    protected String endpoint;

    /**
     * AWS region. Default: the SDK's region chain for {@code aws}; for the emulator, the region of {@code profile},
     * else us-east-1 (the emulator keeps each region apart, as AWS does).
     */
    @Parameter(property = PropertyNames.REGION)
    protected String region;

    /**
     * The 12-digit account the emulator target deploys to (the emulator keeps each account apart, as AWS does);
     * default 123456789012. Ignored on {@code aws}, where the credentials decide.
     */
    @Parameter(property = PropertyNames.EMULATOR_ACCOUNT)
    protected String emulatorAccount;

    /** Named profile of ~/.aws/config for {@code aws}. */
    @Parameter(property = PropertyNames.PROFILE)
    protected String profile;

    /** State directory of the embedded emulator. */
    @Parameter(property = PropertyNames.EMULATOR_HOME, defaultValue = "${user.home}/.lambda-emulator")
    protected File emulatorHome;

    /** The function's name. */
    @Parameter(property = PropertyNames.FUNCTION_NAME, defaultValue = "${project.artifactId}")
    protected String functionName;

    /** Bucket for code above Lambda's 50 MB direct upload limit. */
    @Parameter(property = PropertyNames.S3_BUCKET)
    protected String s3Bucket;

    /** The JDK that runs Java functions invoked on the embedded emulator; default: a toolchain or installed JDK. */
    @Parameter(property = PropertyNames.INVOKE_JAVA_HOME)
    protected File invokeJavaHome;

    @Component
    private ToolchainManager toolchainManager;

    @Component
    private RuntimeInformation runtimeInformation;

    /** Prints what would change and changes nothing. */
    @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
    protected boolean dryRun;

    /** Fails the build when anything would change (a CI drift check), before changing anything. */
    @Parameter(property = PropertyNames.FAIL_ON_CHANGE, defaultValue = "false")
    protected boolean failOnChange;

    /** Prints a one-table summary when the last module of a multi-module reactor finished deploying. */
    @Parameter(property = PropertyNames.SUMMARY, defaultValue = "true")
    protected boolean summary;

    @Override
    protected final void run() throws MojoExecutionException, MojoFailureException {
        HttpWireLogs.off(runtimeInformation.getMavenVersion());
        try {
            deploy();
        } catch (InvalidSpecException | DeployRefusedException e) {
            throw new MojoFailureException(scrub(e.getMessage()));
        } catch (SdkServiceException e) {
            throw execution(targetName() + " rejected a request of lambda:" + goalName() + ": ", e);
        } catch (SdkClientException e) {
            throw execution("lambda:" + goalName() + " cannot complete a request to " + targetName() + ": ", e);
        } catch (DeployException | UncheckedIOException | IllegalStateException e) {
            throw execution("lambda:" + goalName() + " failed: ", e);
        }
        if (summary && inSummary()) {
            ReactorSummary.of(session).completed(project, goalName(), mojoExecution, getLog());
        }
    }

    /** Whether this goal has a line in the reactor summary table. */
    protected boolean inSummary() {
        return true;
    }

    /** The goal's work. */
    protected abstract void deploy() throws MojoExecutionException, MojoFailureException;

    /** Secret values this goal handles, removed from any message it reports. */
    protected Collection<String> secretValues() {
        return List.of();
    }

    /** The deployer for {@code resolved} (see {@link #resolveTarget()}); the caller closes it. */
    protected Deployer openDeployer(Target resolved) {
        return new Deployer(resolved, new MavenDeployLog(getLog()));
    }

    protected Target resolveTarget() {
        Target.Kind kind = Target.parseKind(target);
        URI uri;
        if (endpoint != null && !endpoint.isBlank()) {
            uri = URI.create(endpoint.trim());
        } else if (kind == Target.Kind.EMULATOR) {
            uri = EmbeddedEmulator.endpoint(emulatorHome.toPath(),
                    LocalInvoke.of(invokeJavaHome, toolchainManager, session), session.getRequest(), getLog());
        } else {
            uri = null;
        }
        Target resolved = new Target(kind, uri, region, profile,
                kind == Target.Kind.EMULATOR && emulatorAccount != null && !emulatorAccount.isBlank()
                        ? emulatorAccount.trim() : null);
        getLog().info("lambda:" + goalName() + " on " + resolved + (dryRun ? " (dry run: nothing is changed)" : ""));
        return resolved;
    }

    protected DeployOptions options(String versionDescription) {
        return new DeployOptions(dryRun, failOnChange, s3Bucket, versionDescription);
    }

    protected DeploymentReport report() {
        return new DeploymentReport(Path.of(project.getBuild().getDirectory()));
    }

    protected ReactorSummary.Row summaryRow() {
        return ReactorSummary.of(session).row(project);
    }

    private String targetName() {
        return "aws".equalsIgnoreCase(target) ? "AWS" : endpoint != null ? endpoint : "the emulator";
    }

    private MojoExecutionException execution(String prefix, Exception e) {
        String message = prefix + e.getMessage();
        String scrubbed = scrub(message);
        // a cause whose message carried a secret is dropped rather than printed with its stack trace
        return scrubbed.equals(message) ? new MojoExecutionException(message, e) : new MojoExecutionException(scrubbed);
    }

    String scrub(String message) {
        String result = message == null ? "" : message;
        for (String secret : secretValues()) {
            if (secret != null && !secret.isEmpty()) {
                result = result.replace(secret, SecretValue.MASK);
            }
        }
        return result;
    }
}
