package dev.lambdamaven.plugin;

import dev.lambdamaven.config.LayerSpec;
import dev.lambdamaven.deploy.Deployer;
import dev.lambdamaven.deploy.LayerResult;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Publishes the layer zip of package-layer (name, description, license, runtimes and architectures as it
 * recorded them) as a new layer version only when its content or metadata differs from the latest version's,
 * and shares it with {@code layerPermissions}. Function modules of the same build that list this module's
 * artifactId in {@code <layers>} get the resulting version ARN. Skip it with {@code -Dlambda.publish-layer.skip}.
 */
@Mojo(name = "publish-layer", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishLayerMojo extends AbstractTargetMojo {

    /** Accounts (12-digit ids) that may use each version, or {@code *} for every account. */
    @Parameter
    private List<String> layerPermissions;

    /** Bucket for layer zips above Lambda's 50 MB direct upload limit, in the layer's region. */
    @Parameter(property = PropertyNames.S3_BUCKET)
    private String s3Bucket;

    /** Prints what would change and changes nothing. */
    @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    /** Fails the build when a new layer version would be published (a CI drift check), before changing anything. */
    @Parameter(property = PropertyNames.FAIL_ON_CHANGE, defaultValue = "false")
    private boolean failOnChange;

    @Override
    protected Set<ModuleKind> modules() {
        return EnumSet.of(ModuleKind.LAYER);
    }

    @Override
    protected boolean writesReport() {
        return true;
    }

    @Override
    protected boolean dryRun() {
        return dryRun;
    }

    @Override
    protected boolean failOnChange() {
        return failOnChange;
    }

    @Override
    protected String s3Bucket() {
        return s3Bucket;
    }

    @Override
    protected void deploy() {
        LayerSpec spec = LayerModules.spec(project, layerPermissions, goal());
        try (Deployer deployer = openDeployer(resolveTarget())) {
            LayerResult result = deployer.publishLayer(spec, options());
            LayerModules.record(session, project, result);
            if (!dryRun) {
                report().recordLayer(result);
            }
            getLog().info(dryRun ? "Dry run: layer " + spec.layerName() + (result.changed() ? " would get a new version"
                    : " is up to date") : result.changed() ? "Layer version " + result.layerVersionArn()
                    : "No change: layer stays at " + result.layerVersionArn() + ", nothing published");
        }
    }
}
