package dev.lambdamaven.plugin;

import dev.lambdamaven.config.AliasSpec;
import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.deploy.AliasResult;
import dev.lambdamaven.deploy.Deployer;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Points the alias at the version publish-version recorded in this build (or {@code -Dlambda.version=N}, an
 * already published one, for a later CI stage). With {@code aliasWeight} the new version gets that share of the
 * traffic while the primary stays the old version (canary); {@code -Dlambda.promote} moves a canary fully.
 */
@Mojo(name = "update-alias", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class UpdateAliasMojo extends AbstractAliasMojo {

    /** Share of traffic for the new version, between 0 and 1 exclusive; unset: all traffic. */
    @Parameter(property = PropertyNames.ALIAS_WEIGHT)
    private Double aliasWeight;

    /** A published version to point the alias at, instead of the one this build published. */
    @Parameter(property = PropertyNames.VERSION)
    private String version;

    /** Moves a canary alias fully to its canary version, instead of pointing it at a new one. */
    @Parameter(property = PropertyNames.PROMOTE, defaultValue = "false")
    private boolean promote;

    @Override
    protected String goalName() {
        return "update-alias";
    }

    @Override
    protected AliasResult move(Deployer deployer) {
        AliasSpec spec = new AliasSpec(alias, aliasWeight, version);
        if (promote) {
            return deployer.promote(functionName, spec.name(), options(null));
        }
        String target = spec.version() != null ? spec.version() : report().functionVersion().orElseThrow(() ->
                new InvalidSpecException("version", null, "no version was published in this build ("
                        + report().file() + " has none): run publish-version before update-alias, or name a"
                        + " published version with -Dlambda.version=N"));
        return deployer.updateAlias(functionName, spec, target, options(null));
    }

    @Override
    protected void deploy() {
        if (version == null && !promote && dryRun && report().functionVersion().isEmpty()) {
            getLog().info("Dry run: alias " + alias + " would point at the version publish-version publishes");
            return;
        }
        super.deploy();
    }
}
