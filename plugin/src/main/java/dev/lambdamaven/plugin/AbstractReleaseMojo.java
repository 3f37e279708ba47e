package dev.lambdamaven.plugin;

import dev.lambdamaven.config.AliasSettings;
import dev.lambdamaven.config.AliasSpec;
import dev.lambdamaven.config.EventInvokeSpec;
import dev.lambdamaven.config.PermissionSpec;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Settings read both by the goals that publish (publish-version, plan: checked before any call) and by those that
 * move the alias (update-alias applies them): the alias's own settings, the permissions of the function and the
 * alias, and {@code authoritative}.
 */
public abstract class AbstractReleaseMojo extends AbstractNamedFunctionMojo {

    /** The alias the release moves, and whose settings it manages. */
    @Parameter(property = PropertyNames.ALIAS, defaultValue = AliasSpec.DEFAULT_NAME)
    protected String alias;

    /**
     * Makes the pom the whole truth, as Terraform treats its configuration: settings left out are reset to Lambda's
     * defaults, tags, permissions and alias settings left out are removed. Off: they are left alone, and the plan lists
     * what this would change.
     */
    @Parameter(property = PropertyNames.AUTHORITATIVE, defaultValue = "false")
    protected boolean authoritative;

    /**
     * Statements of the resource-based policy, of the function or ({@code <onAlias>true</onAlias>}) of the alias. The
     * plugin writes each as {@code maven-<statementId>} and removes its own statements dropped from the pom; keep an
     * empty {@code <permissions/>} to remove the last one.
     */
    @Parameter
    protected List<Permission> permissions;

    /** Execution environments of the alias's version kept initialized (update-alias waits until they are ready); 0 removes them. */
    @Parameter(property = PropertyNames.PROVISIONED_CONCURRENCY)
    protected Integer provisionedConcurrency;

    /** The alias's function URL: {@code <authType>}, {@code <invokeMode>}, {@code <cors>}; its address is logged and written to deployment.json. */
    @Parameter
    protected FunctionUrl functionUrl;

    /** Retries of a failed asynchronous invocation of the alias, 0 to 2 (Lambda's default 2). */
    @Parameter(property = PropertyNames.MAXIMUM_RETRY_ATTEMPTS)
    protected Integer maximumRetryAttempts;

    /** How long Lambda keeps an asynchronous event of the alias, 60 to 21600 seconds (default 21600). */
    @Parameter(property = PropertyNames.MAXIMUM_EVENT_AGE)
    protected Integer maximumEventAgeInSeconds;

    /** Destination ARN (function, queue, topic, bus, bucket) of a record of each successful asynchronous invocation. */
    @Parameter(property = PropertyNames.ON_SUCCESS)
    protected String onSuccess;

    /** Destination ARN of a record of each asynchronous invocation that failed all its attempts. */
    @Parameter(property = PropertyNames.ON_FAILURE)
    protected String onFailure;

    /** Every {@code <permission>}, checked; {@code null} without {@code <permissions>}. */
    protected List<PermissionSpec> permissionSpecs() {
        return permissions == null ? null : permissions.stream().map(Permission::toSpec).toList();
    }

    /** The alias's settings, checked. */
    protected AliasSettings aliasSettings() {
        List<PermissionSpec> all = permissionSpecs();
        return new AliasSettings(provisionedConcurrency, functionUrl == null ? null : functionUrl.toSpec(),
                EventInvokeSpec.of(maximumRetryAttempts, maximumEventAgeInSeconds, onSuccess, onFailure),
                all == null ? null : all.stream().filter(PermissionSpec::onAlias).toList(), authoritative);
    }
}
