package dev.lambdamaven.plugin;

import dev.lambdamaven.config.AliasSettings;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.deploy.Deployer;
import dev.lambdamaven.deploy.FunctionResult;
import java.util.EnumSet;
import java.util.Set;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints what a deploy would change (field: old -> new, code hash old -> new, secrets as ****) and changes
 * nothing: in a function module what publish-version would do (and update-alias to the alias's own settings, when
 * the pom sets any), in a layer module what publish-layer would do.
 * Values Lambda would refuse fail the plan before any call, naming the element and the fix. With
 * {@code -Dlambda.failOnChange} it fails when anything would change (a CI drift check; in a reactor, use
 * {@code mvn -fae} to see every module's drift). Skip it with {@code -Dlambda.plan.skip}.
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends AbstractFunctionMojo {

    @Override
    protected Set<ModuleKind> modules() {
        return EnumSet.of(ModuleKind.FUNCTION, ModuleKind.LAYER);
    }

    @Override
    protected boolean dryRun() {
        return true;
    }

    @Override
    protected void deploy() throws MojoFailureException {
        Target resolved = resolveTarget();
        if (moduleKind() == ModuleKind.LAYER) {
            var spec = LayerModules.spec(project, null, goal());
            try (Deployer deployer = openDeployer(resolved)) {
                LayerModules.record(session, project, deployer.planLayer(spec, options()));
            }
            return;
        }
        var spec = functionSpec(resolved);
        AliasSettings settings = aliasSettings();
        try (Deployer deployer = openDeployer(resolved)) {
            FunctionResult result = deployer.deployFunction(spec, options());
            if (settings.manages()) {
                deployer.configureAlias(spec.functionName(), alias, settings, options());
            }
            Reactor.Row row = summaryRow();
            row.name = result.functionName();
            row.changed = !result.plan().isEmpty();
        }
    }
}
