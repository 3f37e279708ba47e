package dev.lambdamaven.plugin;

import dev.lambdamaven.deploy.CleanupPlan;
import dev.lambdamaven.deploy.Deployer;
import java.util.EnumSet;
import java.util.Set;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deletes old versions. In a function module: keeps the newest {@code keepVersions}, every version an alias
 * routes traffic to, and every release on an alias's history (what lambda:rollback returns to). In a layer
 * module: keeps the newest {@code keepVersions} layer versions and every one that a kept version of any function
 * in the region uses (kept by the same rule), or its {@code $LATEST}. Prints the plan first;
 * {@code -Dlambda.dryRun} stops there. Skip it with {@code -Dlambda.prune.skip}.
 */
@Mojo(name = "prune", threadSafe = true)
public class PruneMojo extends AbstractTargetMojo {

    /** The function's name (in a function module). */
    @Parameter(property = PropertyNames.FUNCTION_NAME, defaultValue = "${project.artifactId}")
    private String functionName;

    /** The layer's name (in a layer module). */
    @Parameter(property = PropertyNames.LAYER_NAME, defaultValue = "${project.artifactId}")
    private String layerName;

    /** How many of the newest versions to keep, besides those aliases need. */
    @Parameter(property = PropertyNames.KEEP_VERSIONS, defaultValue = "5")
    private int keepVersions;

    /** Prints what would be deleted and deletes nothing. */
    @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    @Override
    protected Set<ModuleKind> modules() {
        return EnumSet.of(ModuleKind.FUNCTION, ModuleKind.LAYER);
    }

    @Override
    protected boolean dryRun() {
        return dryRun;
    }

    @Override
    protected void deploy() {
        boolean layer = moduleKind() == ModuleKind.LAYER;
        CleanupPlan plan;
        try (Deployer deployer = openDeployer(resolveTarget())) {
            plan = layer ? deployer.pruneLayer(layerName, keepVersions, options())
                    : deployer.pruneFunction(functionName, keepVersions, options());
        }
        Cleanup.report(getLog(), summaryRow(), layer ? "layer " + layerName : functionName, plan, dryRun);
    }
}
