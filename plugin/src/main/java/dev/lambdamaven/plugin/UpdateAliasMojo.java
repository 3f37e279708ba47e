package dev.lambdamaven.plugin;

import dev.lambdamaven.config.AliasSettings;
import dev.lambdamaven.config.AliasSpec;
import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.TrafficShift;
import dev.lambdamaven.deploy.AliasResult;
import dev.lambdamaven.deploy.Deployer;
import dev.lambdamaven.deploy.DeploymentReport;
import dev.lambdamaven.deploy.Origin;
import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Points the alias at the version publish-version recorded in this build (or {@code -Dlambda.version=N}, an
 * already published one, for a later CI stage), and records the move in the alias's release history. With
 * {@code aliasWeight} the new version gets that share of the traffic while the primary stays the old version
 * (a canary, until lambda:promote); with {@code trafficShift} the traffic moves in steps, each preceded by a
 * smoke invocation when {@code smokePayload} is set, and a failing step rolls back. A version that a rollback
 * took the alias away from, and that this build did not publish anew, does not get the alias back. Skip it with
 * {@code -Dlambda.update-alias.skip}.
 */
@Mojo(name = "update-alias", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class UpdateAliasMojo extends AbstractAliasMojo {

    /** Share of traffic for the new version, between 0 and 1 exclusive (a canary); unset: all traffic. */
    @Parameter(property = PropertyNames.ALIAS_WEIGHT)
    private Double aliasWeight;

    /**
     * A gradual move instead of all at once: {@code canary 10% for 5m} or {@code linear 10% every 1m} (durations
     * in ms, s, m or h). The goal runs until the last step.
     */
    @Parameter(property = PropertyNames.TRAFFIC_SHIFT)
    private String trafficShift;

    /** An event (JSON) the new version is invoked with before each step of {@code trafficShift}; a failure rolls back. */
    @Parameter(property = PropertyNames.SMOKE_PAYLOAD)
    private String smokePayload;

    /** A file holding the smoke event, instead of {@code smokePayload}. */
    @Parameter(property = PropertyNames.SMOKE_PAYLOAD_FILE)
    private File smokePayloadFile;

    /** A published version to point the alias at, instead of the one this build published. */
    @Parameter(property = PropertyNames.VERSION)
    private String version;

    /** Moves a canary alias fully to its canary version (as lambda:promote), instead of pointing it at a new one. */
    @Parameter(property = PropertyNames.PROMOTE, defaultValue = "false")
    private boolean promote;

    /** Fails the build when the alias would move (a CI drift check), before changing anything. */
    @Parameter(property = PropertyNames.FAIL_ON_CHANGE, defaultValue = "false")
    private boolean failOnChange;

    @Override
    protected boolean failOnChange() {
        return failOnChange;
    }

    @Override
    protected AliasResult move(Deployer deployer) {
        DeployOptions options = options();
        if (promote) {
            return deployer.promote(functionName, alias, options);
        }
        AliasSpec spec = new AliasSpec(alias, aliasWeight,
                trafficShift == null || trafficShift.isBlank() ? null : TrafficShift.parse("trafficShift", trafficShift),
                smokeEvent());
        String named = AliasSpec.version("version", version);
        if (named != null) {
            return deployer.updateAlias(functionName, spec, named, Origin.NAMED, options);
        }
        DeploymentReport report = report();
        String published = report.functionVersion().orElseThrow(() -> new InvalidSpecException("version", null,
                "no version was published in this build (" + report.file() + " has none): run publish-version before"
                        + " update-alias, or name a published version with -Dlambda.version=N"));
        return deployer.updateAlias(functionName, spec, published,
                report.functionChanged() ? Origin.PUBLISHED : Origin.UNCHANGED, options);
    }

    @Override
    protected AliasSettings settings() {
        return aliasSettings();
    }

    @Override
    protected void deploy() {
        if (version == null && !promote && dryRun() && report().functionVersion().isEmpty()) {
            getLog().info("Dry run: alias " + alias + " would point at the version publish-version publishes");
            return;
        }
        super.deploy();
    }

    private byte[] smokeEvent() {
        return Payloads.read("smokePayload", smokePayload, "smokePayloadFile", smokePayloadFile);
    }
}
