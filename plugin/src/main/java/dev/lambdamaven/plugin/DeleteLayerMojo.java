package dev.lambdamaven.plugin;

import dev.lambdamaven.deploy.CleanupPlan;
import dev.lambdamaven.deploy.Deployer;
import java.util.EnumSet;
import java.util.Set;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deletes every version of the layer from the target. Prints the plan first, naming the function versions that
 * still use a layer version (they keep working; no function can add it any more); {@code -Dlambda.dryRun}
 * stops there. In a reactor it runs in the layer modules. Skip it with {@code -Dlambda.delete-layer.skip}.
 */
@Mojo(name = "delete-layer", threadSafe = true)
public class DeleteLayerMojo extends AbstractTargetMojo {

    /** The layer's name. */
    @Parameter(property = PropertyNames.LAYER_NAME, defaultValue = "${project.artifactId}")
    private String layerName;

    /** Prints what would be deleted and deletes nothing. */
    @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    @Override
    protected Set<ModuleKind> modules() {
        return EnumSet.of(ModuleKind.LAYER);
    }

    @Override
    protected boolean dryRun() {
        return dryRun;
    }

    @Override
    protected void deploy() {
        CleanupPlan plan;
        try (Deployer deployer = openDeployer(resolveTarget())) {
            plan = deployer.deleteLayer(layerName, options());
        }
        Cleanup.report(getLog(), summaryRow(), "layer " + layerName, plan, dryRun);
    }
}
