package dev.lambdamaven.plugin;

import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.deploy.DeployException;
import dev.lambdamaven.deploy.DeployRefusedException;
import dev.lambdamaven.deploy.Deployer;
import dev.lambdamaven.deploy.DeploymentReport;
import java.io.File;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * Shared by the goals that talk to a target (the emulator, AWS, any endpoint): where it is, the deployment
 * report, the reactor summary, and the mapping of the deployer's typed exceptions. Configuration mistakes and
 * refusals fail the build naming the fix; service and I/O failures are execution errors with their cause, whose
 * details go to the debug log. The deployer has already masked secret values in every message.
 */
public abstract class AbstractTargetMojo extends AbstractLambdaMojo {

    /** {@code emulator} (default: the local emulator) or {@code aws}. Nothing reaches AWS unless this says so. */
    @Parameter(property = PropertyNames.TARGET, defaultValue = "emulator")
    protected String target;

    /** Overrides the service URL: a running emulator, LocalStack, moto. */
    @Parameter(property = PropertyNames.ENDPOINT)
    protected String endpoint;

    /**
     * AWS region. Default: the SDK's region chain for {@code aws} ({@code AWS_REGION}, the profile); for the
     * emulator, the region of {@code profile}, else us-east-1 (the emulator keeps each region apart, as AWS does).
     */
    @Parameter(property = PropertyNames.REGION)
    protected String region;

    /**
     * The 12-digit account the emulator target deploys to (the emulator keeps each account apart, as AWS does);
     * default 123456789012. Ignored on {@code aws}, where the credentials decide.
     */
    @Parameter(property = PropertyNames.EMULATOR_ACCOUNT)
    protected String emulatorAccount;

    /** Named profile of {@code ~/.aws/config} for {@code aws} (after {@code aws sso login} for an SSO profile). */
    @Parameter(property = PropertyNames.PROFILE)
    protected String profile;

    /** State directory of the embedded emulator, shared by builds and by a foreground {@code lambda:emulator}. */
    @Parameter(property = PropertyNames.EMULATOR_HOME, defaultValue = "${user.home}/.lambda-emulator")
    protected File emulatorHome;

    /**
     * The JDK that runs Java functions invoked on the embedded emulator this goal starts; default: a JDK
     * toolchain, the build's own JVM or an installed JDK, whichever is new enough for the function's runtime.
     */
    @Parameter(property = PropertyNames.INVOKE_JAVA_HOME)
    protected File invokeJavaHome;

    @Component
    private ToolchainManager toolchainManager;

    @Override
    protected final void run() throws MojoExecutionException, MojoFailureException {
        Reactor reactor = Reactor.of(session);
        if (inSummary()) {
            reactor.wantSummary();
        }
        if (writesReport() && !dryRun() && reactor.startDeploy(project)) {
            report().delete(); // a report of an earlier deployment must not survive a failure of this one
        }
        try {
            deploy();
        } catch (InvalidSpecException | DeployRefusedException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (DeployException e) {
            if (e.getCause() != null) {
                getLog().debug("lambda:" + goal() + " failed", e.getCause());
            }
            throw new MojoExecutionException("lambda:" + goal() + ": " + e.getMessage(), e.getCause());
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MojoExecutionException("lambda:" + goal() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    protected void skipped(String property) {
        if (inSummary()) {
            Reactor.of(session).wantSummary();
            Reactor.of(session).row(project).skipped = property;
        }
    }

    /** Whether this goal has a line in the reactor summary table. */
    protected boolean inSummary() {
        return true;
    }

    /** Whether this goal writes {@code deployment.json} (the first such goal of a build removes an old one). */
    protected boolean writesReport() {
        return false;
    }

    /** Whether this run only prints what it would change; goals that change things declare {@code dryRun}. */
    protected boolean dryRun() {
        return false;
    }

    /** Whether any change fails the build; goals that support the drift check declare {@code failOnChange}. */
    protected boolean failOnChange() {
        return false;
    }

    /** The bucket for large zips; goals that upload declare {@code s3Bucket}. */
    protected String s3Bucket() {
        return null;
    }

    /** The goal's work. */
    protected abstract void deploy() throws MojoExecutionException, MojoFailureException;

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
        getLog().info("lambda:" + goal() + " on " + resolved + (dryRun() ? " (dry run: nothing is changed)" : ""));
        return resolved;
    }

    protected DeployOptions options() {
        return new DeployOptions(dryRun(), failOnChange(), s3Bucket(), null, null);
    }

    /** When the build started (the same instant for every module of a reactor). */
    protected Instant buildStart() {
        Date start = session.getRequest() == null ? null : session.getRequest().getStartTime();
        return start == null ? Instant.now() : start.toInstant();
    }

    protected DeploymentReport report() {
        return new DeploymentReport(Path.of(project.getBuild().getDirectory()));
    }

    protected Reactor.Row summaryRow() {
        return Reactor.of(session).row(project);
    }
}
