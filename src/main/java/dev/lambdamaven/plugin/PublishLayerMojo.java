package dev.lambdamaven.plugin;

import dev.lambdamaven.config.LayerSpec;
import dev.lambdamaven.deploy.Deployer;
import dev.lambdamaven.deploy.LayerResult;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Publishes the layer zip of package-layer as a new layer version only when its content or metadata differs
 * from the latest version's, and shares it with {@code layerPermissions}. Function modules of the same build
 * that list this module's artifactId in {@code <layers>} get the resulting version ARN.
 */
@Mojo(name = "publish-layer", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishLayerMojo extends AbstractDeployMojo {

    @Parameter(property = PropertyNames.LAYER_NAME, defaultValue = "${project.artifactId}")
    private String layerName;

    @Parameter(property = PropertyNames.DESCRIPTION)
    private String description;

    @Parameter
    private String licenseInfo;

    /** Runtimes the layer is for, such as java21. */
    @Parameter
    private List<String> compatibleRuntimes;

    /** x86_64 and/or arm64. */
    @Parameter
    private List<String> compatibleArchitectures;

    /** Accounts (12-digit ids) that may use each version, or {@code *} for every account. */
    @Parameter
    private List<String> layerPermissions;

    @Override
    protected String goalName() {
        return "publish-layer";
    }

    @Override
    protected void deploy() {
        Path zip = Path.of(project.getBuild().getDirectory(), project.getBuild().getFinalName() + "-layer.zip");
        LayerSpec spec = new LayerSpec(layerName, zip, description, licenseInfo, compatibleRuntimes,
                compatibleArchitectures, layerPermissions);
        try (Deployer deployer = openDeployer(resolveTarget())) {
            LayerResult result = deployer.publishLayer(spec, options(null));
            report().recordLayer(result);
            ReactorSummary.Row row = summaryRow();
            row.name = "layer " + result.layerName();
            row.version = result.version() == null ? null : String.valueOf(result.version());
            row.changed = result.changed();
            getLog().info(dryRun ? "Dry run: layer " + layerName + (result.changed() ? " would get a new version"
                    : " is up to date") : result.changed() ? "Layer version " + result.layerVersionArn()
                    : "No change: layer stays at " + result.layerVersionArn() + ", nothing published");
        }
    }
}
