package dev.lambdamaven.deploy;

import dev.lambdamaven.config.AliasSpec;
import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.LayerSpec;
import dev.lambdamaven.config.Target;
import java.util.List;
import java.util.Optional;

/**
 * The one deployer: every goal's entry point, over the SDK v2 clients of one target (AWS, the emulator, or any
 * endpoint). Reconciles a function (read, diff, apply what differs, wait, publish), points aliases, publishes
 * layers and checks VPC settings. One instance per module execution; close it when done.
 */
public final class Deployer implements AutoCloseable {

    /** The largest zip a deploy sends inline (in the request body); above it, code goes through S3. */
    public static final long DIRECT_UPLOAD_LIMIT = CodeUploader.DIRECT_UPLOAD_LIMIT;

    private final AwsClients clients;
    private final DeployLog log;
    private final FunctionReader reader;
    private final FunctionApplier applier;
    private final Publisher publisher;
    private final AliasUpdater aliases;
    private final LayerPublisher layers;

    public Deployer(Target target, DeployLog log) {
        this(new AwsClients(target), log, Retry.standard(log), CodeUploader.DIRECT_UPLOAD_LIMIT);
    }

    Deployer(AwsClients clients, DeployLog log, Retry retry, long directUploadLimit) {
        this.clients = clients;
        this.log = log;
        CodeUploader uploader = new CodeUploader(clients, log, directUploadLimit);
        this.reader = new FunctionReader(clients.lambda());
        this.applier = new FunctionApplier(clients.lambda(), uploader, retry, log);
        this.publisher = new Publisher(clients.lambda(), retry);
        this.aliases = new AliasUpdater(clients.lambda(), retry, log);
        this.layers = new LayerPublisher(clients.lambda(), uploader, retry, log);
    }

    /** What {@link #deployFunction} would change, changing nothing. */
    public Plan plan(FunctionSpec spec) {
        return ConfigDiff.between(spec, CodeHash.of(spec.code()), reader.read(spec.functionName()).orElse(null));
    }

    /**
     * Creates or updates the function where it differs from {@code spec}, then publishes a version (Lambda
     * returns the latest version unchanged when nothing changed since it was published).
     */
    public FunctionResult deployFunction(FunctionSpec spec, DeployOptions options) {
        String hash = CodeHash.of(spec.code());
        Optional<DeployedFunction> deployed = reader.read(spec.functionName());
        Plan plan = ConfigDiff.between(spec, hash, deployed.orElse(null));
        PlanPrinter.lines(plan).forEach(log::info);
        String arn = deployed.map(DeployedFunction::functionArn).orElse(null);
        refuseChanges(plan.isEmpty(), options, "Function " + spec.functionName());
        if (options.dryRun()) {
            return new FunctionResult(spec.functionName(), arn, null, hash, !plan.isEmpty(), plan);
        }
        if (plan.configChanges().stream().anyMatch(c -> c.field().equals("vpc"))) {
            preflight(spec);
        }
        FunctionApplier.Applied applied = apply(spec, hash, plan, deployed, options.s3Bucket());
        Publisher.Published published = publisher.publish(spec.functionName(), hash, applied.revisionId(),
                options.versionDescription());
        return new FunctionResult(spec.functionName(), applied.functionArn(), published.version(), hash,
                plan.changesVersion(), plan);
    }

    /**
     * Creates or updates the function's {@code $LATEST} where it differs from {@code spec} and waits until it
     * runs the new code and configuration; publishes nothing ({@code lambda:dev}). Returns what changed.
     */
    public Plan deployLatest(FunctionSpec spec, String s3Bucket) {
        String hash = CodeHash.of(spec.code());
        Optional<DeployedFunction> deployed = reader.read(spec.functionName());
        Plan plan = ConfigDiff.between(spec, hash, deployed.orElse(null));
        apply(spec, hash, plan, deployed, s3Bucket);
        return plan;
    }

    private FunctionApplier.Applied apply(FunctionSpec spec, String hash, Plan plan,
            Optional<DeployedFunction> deployed, String s3Bucket) {
        FunctionApplier.Applied applied = deployed.isEmpty() ? applier.create(spec, hash, s3Bucket)
                : plan.changesVersion() ? applier.update(spec, plan, deployed.get(), s3Bucket)
                : new FunctionApplier.Applied(deployed.get().functionArn(), deployed.get().revisionId());
        applier.applyFunctionSettings(applied.functionArn(), plan, spec);
        return applied;
    }

    /**
     * Applies the VPC settings to an existing function's {@code $LATEST} (publish-version publishes it), after
     * checking them through EC2. Returns whether the function's VPC configuration changed. Costs nothing without
     * a VPC (publish-version removes one that is deployed) and one read when the VPC is already in place.
     */
    public boolean configureVpc(FunctionSpec spec, DeployOptions options) {
        if (!spec.vpc().attached()) {
            log.info("Function " + spec.functionName() + ": no <vpc> configured; publish-version removes a deployed one");
            return false;
        }
        Optional<DeployedFunction> deployed = reader.read(spec.functionName());
        if (deployed.isPresent() && deployed.get().vpc().equals(spec.vpc())) {
            log.info("Function " + spec.functionName() + ": VPC configuration up to date (" + spec.vpc() + ")");
            return false;
        }
        preflight(spec);
        if (deployed.isEmpty()) {
            log.info("Function " + spec.functionName() + " does not exist yet: publish-version creates it with "
                    + spec.vpc());
            return false;
        }
        Change change = new Change("vpc", deployed.get().vpc().toString(), spec.vpc().toString());
        log.info("Function " + spec.functionName() + ": " + change);
        refuseChanges(false, options, "Function " + spec.functionName());
        if (!options.dryRun()) {
            String hash = deployed.get().codeSha256();
            applier.update(spec, new Plan(spec.functionName(), false, hash, hash, List.of(change), List.of()),
                    deployed.get(), options.s3Bucket());
        }
        return true;
    }

    /** Points {@code alias} at {@code version}, fully or as a canary. */
    public AliasResult updateAlias(String functionName, AliasSpec alias, String version, DeployOptions options) {
        if (options.failOnChange()) {
            refuseChanges(!aliases.point(functionName, alias, version, true).changed(), options, "Alias " + alias.name());
        }
        return aliases.point(functionName, alias, version, options.dryRun());
    }

    public AliasResult promote(String functionName, String alias, DeployOptions options) {
        return aliases.promote(functionName, alias, options.dryRun());
    }

    public AliasResult rollback(String functionName, String alias, DeployOptions options) {
        return aliases.rollback(functionName, alias, options.dryRun());
    }

    public LayerResult publishLayer(LayerSpec spec, DeployOptions options) {
        if (options.failOnChange()) {
            LayerResult planned = layers.publish(spec, options.s3Bucket(), true);
            refuseChanges(!planned.changed(), options, "Layer " + spec.layerName());
        }
        return layers.publish(spec, options.s3Bucket(), options.dryRun());
    }

    /** API calls made by this deployer so far. */
    /** Invokes {@code functionName} at {@code qualifier} (version or alias; {@code null}: $LATEST) and waits. */
    public InvokeResult invoke(String functionName, String qualifier, byte[] payload) {
        return new FunctionInvoker(clients.lambda()).invoke(functionName, qualifier, payload);
    }

    public int apiCalls() {
        return clients.apiCalls();
    }

    private void preflight(FunctionSpec spec) {
        new VpcPreflight(clients.ec2(), log).check(spec.vpc());
    }

    private static void refuseChanges(boolean unchanged, DeployOptions options, String what) {
        if (options.failOnChange() && !unchanged) {
            throw new DeployRefusedException(what + " differs from the build (see the plan above) and"
                    + " lambda.failOnChange is set: deploy the change, or fix the drift");
        }
    }

    @Override
    public void close() {
        clients.close();
    }
}
