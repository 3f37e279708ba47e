package dev.lambdamaven.deploy;

import dev.lambdamaven.config.AliasSettings;
import dev.lambdamaven.config.AliasSpec;
import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.LayerSpec;
import dev.lambdamaven.config.Runtimes;
import dev.lambdamaven.config.SecretValue;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.config.VpcSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The one deployer: every goal's entry point, over the SDK v2 clients of one target (AWS, the emulator, or any
 * endpoint). Reconciles a function (read, diff, apply what differs, wait, publish), moves aliases along their
 * release history (at once or by a traffic-shift schedule), publishes layers, checks VPC settings and cleans
 * up. Every change is planned first, so a dry run and {@code failOnChange} cost reads only. The SDK's
 * exceptions do not leave this class: they become {@link DeployException}, {@link DeployRefusedException} or
 * {@link InvalidSpecException} with a message that names the fix. One instance per module execution.
 */
public final class Deployer implements AutoCloseable {

    /** The largest zip a deploy sends inline (in the request body); above it, code goes through S3. */
    public static final long DIRECT_UPLOAD_LIMIT = CodeUploader.DIRECT_UPLOAD_LIMIT;

    private final Target target;
    private final AwsClients clients;
    private final DeployLog log;
    private final Clock clock;
    private final FunctionReader reader;
    private final FunctionApplier applier;
    private final Publisher publisher;
    private final AliasUpdater aliases;
    private final TrafficShifter shifter;
    private final LayerPublisher layers;
    private final TransitEncryption transit;
    private final Cleaner cleaner;
    private final AliasSettingsApplier aliasSettings;
    private final ProvisionedConcurrencyWait provisioned;

    public Deployer(Target target, DeployLog log) {
        this(open(target, log), log, Retry.standard(log), CodeUploader.DIRECT_UPLOAD_LIMIT, Clock.systemUTC(),
                Sleeper.REAL);
    }

    Deployer(AwsClients clients, DeployLog log, Retry retry, long directUploadLimit, Clock clock, Sleeper sleeper) {
        this.target = clients.target();
        this.clients = clients;
        this.log = log;
        this.clock = clock;
        CodeUploader uploader = new CodeUploader(clients, log, directUploadLimit);
        this.reader = new FunctionReader(clients.lambda(), retry, log);
        StateWaiter waiter = StateWaiter.standard(clients.lambda(), log);
        this.applier = new FunctionApplier(clients.lambda(), uploader, retry, waiter, log);
        this.publisher = new Publisher(clients.lambda(), retry, waiter, log);
        this.aliases = new AliasUpdater(clients.lambda(), retry, log, clock);
        this.provisioned = new ProvisionedConcurrencyWait(clients.lambda(), retry, waiter, log);
        this.aliasSettings = new AliasSettingsApplier(clients.lambda(), retry, provisioned, log);
        this.shifter = new TrafficShifter(aliases, new FunctionInvoker(clients.lambda()), provisioned, sleeper, log);
        this.layers = new LayerPublisher(clients.lambda(), uploader, retry, log);
        this.cleaner = new Cleaner(clients.lambda(), retry, log);
        this.transit = new TransitEncryption(clients::kms, clients.target().isAws(), log);
    }

    private static AwsClients open(Target target, DeployLog log) {
        try {
            return new AwsClients(target);
        } catch (SdkException e) { // no region in any of the SDK's places
            throw TargetFailures.translate(e, target, List.of(), log);
        }
    }

    /**
     * Creates or updates the function where it differs from {@code spec}, then publishes a version (Lambda
     * returns the latest version unchanged when nothing changed since it was published). Values Lambda would
     * refuse fail before any call; a dry run or {@code failOnChange} stops after the plan.
     */
    public FunctionResult deployFunction(FunctionSpec spec, DeployOptions options) {
        Runtimes.Lifecycle runtime = Runtimes.require("runtime", spec.runtime());
        LocalDate today = LocalDate.now(clock);
        if (runtime.updateBlockedOn(today)) {
            throw new InvalidSpecException("runtime", spec.runtime(), "Lambda refuses to create or update functions on"
                    + " it since " + runtime.updateBlocked() + "; use " + runtime.successor());
        }
        List<String> secrets = spec.environment().secrets().values().stream().map(SecretValue::reveal).toList();
        return guard(secrets, () -> {
            String hash = checkedHash(spec.code(), spec.codeSha256());
            Optional<DeployedFunction> deployed = reader.read(spec);
            checkRuntime(runtime, today, deployed.isEmpty());
            FunctionSpec sent = transit.resolve(spec, deployed.orElse(null), !options.dryRun());
            Plan plan = ConfigDiff.between(sent, hash, deployed.orElse(null));
            PlanPrinter.lines(plan).forEach(log::info);
            String arn = deployed.map(DeployedFunction::functionArn).orElse(null);
            refuseChanges(plan.isEmpty(), options, "Function " + spec.functionName());
            if (options.dryRun()) {
                return new FunctionResult(spec.functionName(), arn, null, hash, !plan.isEmpty(), plan);
            }
            if (plan.configChanges().stream().anyMatch(c -> c.field().equals("vpc"))
                    && !spec.vpc().equals(options.vpcChecked())) {
                preflight(spec.vpc());
            }
            FunctionApplier.Applied applied = apply(sent, hash, plan, deployed, options.s3Bucket());
            Publisher.Published published = publisher.publish(spec.functionName(), hash, applied.revisionId(),
                    options.versionDescription());
            return new FunctionResult(spec.functionName(), applied.functionArn(), published.version(), hash,
                    plan.changesVersion(), plan);
        });
    }

    /** The zip's CodeSha256, which must be the one its packaging goal recorded. */
    private static String checkedHash(Path zip, String recorded) {
        String hash = CodeHash.of(zip);
        if (recorded != null && !recorded.equals(hash)) {
            throw new DeployRefusedException(zip + " changed after it was packaged (its SHA-256 is " + hash
                    + ", the package record says " + recorded + "): run mvn package again");
        }
        return hash;
    }

    private void checkRuntime(Runtimes.Lifecycle runtime, LocalDate today, boolean create) {
        if (create && runtime.createBlockedOn(today)) {
            throw new InvalidSpecException("runtime", runtime.id(), "Lambda refuses to create functions on it since "
                    + runtime.createBlocked() + "; use " + runtime.successor());
        }
        if (runtime.deprecatedOn(today)) {
            log.warn("Runtime " + runtime.id() + " is deprecated" + (Runtimes.dated(runtime) ? " since "
                    + runtime.deprecated() : "") + ": Lambda no longer patches it, then blocks creating and updating"
                    + " functions on it" + (runtime.updateBlocked() == null ? "" : " (updates from "
                    + runtime.updateBlocked() + ")") + ". Move to " + runtime.successor());
        }
    }

    /**
     * Creates or updates the function's {@code $LATEST} where it differs from {@code spec} and waits until it
     * runs the new code and configuration; publishes nothing ({@code lambda:dev}). Returns what changed.
     */
    public Plan deployLatest(FunctionSpec spec, String s3Bucket) {
        List<String> secrets = spec.environment().secrets().values().stream().map(SecretValue::reveal).toList();
        return guard(secrets, () -> {
            String hash = CodeHash.of(spec.code());
            Optional<DeployedFunction> deployed = reader.read(spec);
            FunctionSpec sent = transit.resolve(spec, deployed.orElse(null), true);
            Plan plan = ConfigDiff.between(sent, hash, deployed.orElse(null));
            apply(sent, hash, plan, deployed, s3Bucket);
            return plan;
        });
    }

    private FunctionApplier.Applied apply(FunctionSpec spec, String hash, Plan plan,
            Optional<DeployedFunction> deployed, String s3Bucket) {
        FunctionApplier.Applied applied = deployed.isEmpty() ? applier.create(spec, hash, s3Bucket)
                : plan.changesVersion() ? applier.update(spec, plan, deployed.get(), s3Bucket)
                : new FunctionApplier.Applied(deployed.get().functionArn(), deployed.get().revisionId());
        return applier.applyFunctionSettings(applied, plan, spec, deployed.orElse(null));
    }

    /**
     * The VPC preflight of configure-vpc: subnets and security groups exist, share one VPC and have free
     * addresses, checked through EC2 whether or not the function's VPC changes. Changes nothing.
     */
    public void checkVpc(String functionName, VpcSpec vpc) {
        if (!vpc.attached()) {
            log.info("Function " + functionName + ": no <vpc> configured, nothing to check (publish-version removes a"
                    + " deployed VPC configuration)");
            return;
        }
        guard(List.of(), () -> {
            preflight(vpc);
            return null;
        });
    }

    /**
     * Points {@code alias} at {@code version}: all traffic, a canary weight, or a traffic-shift schedule. A
     * version publish-version found unchanged does not move an alias that a rollback took away from it.
     */
    public AliasResult updateAlias(String functionName, AliasSpec alias, String version, Origin origin,
                                   DeployOptions options) {
        return guard(List.of(), () -> {
            AliasPlan plan = aliases.point(functionName, alias, version, origin);
            report(plan, alias, options);
            if (options.dryRun() || !plan.changed()) {
                return plan.result(plan.create() ? null : plan.current().aliasArn(), plan.changed());
            }
            return alias.shift() != null && !plan.create() && !plan.weights().isEmpty()
                    ? shifter.run(plan, alias.shift(), alias.smokePayload()) : moved(aliases.apply(plan), plan);
        });
    }

    /**
     * Brings the alias's own settings (provisioned concurrency, function URL, asynchronous invocation, its policy) to
     * {@code settings}, after the alias was moved. Prints the plan first; a dry run or {@code failOnChange} stops
     * after it. Returns the function URL when the pom sets one.
     */
    public String configureAlias(String functionName, String alias, AliasSettings settings, DeployOptions options) {
        return guard(List.of(), () -> {
            AliasSettingsApplier.SettingsPlan plan = aliasSettings.plan(functionName, alias, settings);
            plan.lines().forEach(log::info);
            if (settings.publicUrlWithoutPermission()) {
                log.warn("The function URL of " + functionName + ":" + alias + " has <authType>NONE but no <permission>"
                        + " on the alias for principal * with <functionUrlAuthType>NONE: Lambda answers 403 to every"
                        + " caller until one exists");
            }
            refuseChanges(plan.changes().isEmpty(), options, "Alias " + alias + " settings");
            if (options.dryRun()) {
                return plan.deployed().url();
            }
            return aliasSettings.apply(plan);
        });
    }

    /** Moves all traffic of a canary alias to its canary version. */
    public AliasResult promote(String functionName, String alias, DeployOptions options) {
        return move(() -> aliases.promote(functionName, alias), options);
    }

    /** Goes back {@code steps} releases along the alias's history, or back to {@code toVersion} when set. */
    public AliasResult rollback(String functionName, String alias, int steps, String toVersion, DeployOptions options) {
        if (steps < 1) {
            throw new InvalidSpecException("rollbackSteps", steps, "go back at least 1 release");
        }
        return move(() -> aliases.rollback(functionName, alias, steps, toVersion), options);
    }

    private AliasResult move(Supplier<AliasPlan> planned, DeployOptions options) {
        return guard(List.of(), () -> {
            AliasPlan plan = planned.get();
            report(plan, options);
            return options.dryRun() ? plan.result(plan.current().aliasArn(), plan.changed())
                    : moved(aliases.apply(plan), plan);
        });
    }

    /** A move of an alias is done once its provisioned concurrency (if any) is ready on the versions it now routes to. */
    private AliasResult moved(AliasResult result, AliasPlan plan) {
        if (result.changed() && !plan.create()) {
            provisioned.awaitReady(plan.functionName(), plan.aliasName());
        }
        return result;
    }

    private void report(AliasPlan plan, DeployOptions options) {
        if (plan.note() != null) {
            log.info(plan.note());
        }
        log.info("Alias " + (plan.changed() ? plan.describeChange() : plan.aliasName() + ": no changes"));
        refuseChanges(!plan.changed(), options, "Alias " + plan.aliasName());
    }

    private void report(AliasPlan plan, AliasSpec alias, DeployOptions options) {
        report(plan, options);
        if (options.dryRun() && alias.shift() != null && plan.changed() && !plan.weights().isEmpty()) {
            log.info("Dry run: traffic shift " + alias.shift() + " in " + alias.shift().steps().size() + " step(s) over "
                    + alias.shift().total().toSeconds() + " s, then all traffic to the new version");
        }
    }

    /** The alias's release history, oldest first, each move with the description of its version. */
    public List<HistoryEntry> history(String functionName, String alias) {
        return guard(List.of(), () -> {
            var current = aliases.read(functionName, alias).orElseThrow(() -> new DeployRefusedException("Function "
                    + functionName + " has no alias " + alias + " on " + TargetFailures.where(target)
                    + ": deploy first (mvn deploy), or name another alias with -Dlambda.alias"));
            ReleaseHistory history = ReleaseHistory.parse(current.description());
            Map<String, String> descriptions = new HashMap<>();
            clients.lambda().listVersionsByFunctionPaginator(r -> r.functionName(functionName)).versions()
                    .forEach(v -> descriptions.put(v.version(), v.description()));
            List<HistoryEntry> entries = new ArrayList<>();
            List<ReleaseHistory.Event> events = history.events();
            List<Boolean> inEffect = history.inEffect();
            for (int i = 0; i < events.size(); i++) {
                ReleaseHistory.Event e = events.get(i);
                entries.add(new HistoryEntry(i + 1, e.time(), e.kind().label, e.version(), e.from(),
                        e.weight() == null ? null : ReleaseHistory.weightText(e.weight()),
                        e.kind() == ReleaseHistory.Kind.ROLLBACK ? "-" : inEffect.get(i) ? "in effect" : "rolled back",
                        descriptions.getOrDefault(e.version(), "(version deleted)")));
            }
            if (!ReleaseHistory.ours(current.description())) {
                log.warn("Alias " + alias + " holds no release history: its description is '" + current.description()
                        + "'. The history starts with its next move by the plugin");
            }
            return entries;
        });
    }

    /** What publishing the layer would do; the function modules of a reactor plan against its result. */
    public LayerResult planLayer(LayerSpec spec, DeployOptions options) {
        return guard(List.of(), () -> {
            LayerPublisher.LayerPlan plan = layers.plan(spec, checkedHash(spec.zip(), spec.codeSha256()));
            log.info(plan.describe());
            refuseChanges(!plan.changed(), options, "Layer " + spec.layerName());
            return plan.planned();
        });
    }

    /** Publishes a layer version when the content or metadata changed; shares the version either way. */
    public LayerResult publishLayer(LayerSpec spec, DeployOptions options) {
        return guard(List.of(), () -> {
            LayerPublisher.LayerPlan plan = layers.plan(spec, checkedHash(spec.zip(), spec.codeSha256()));
            log.info(plan.describe());
            refuseChanges(!plan.changed(), options, "Layer " + spec.layerName());
            return options.dryRun() ? plan.planned() : layers.apply(plan, options.s3Bucket());
        });
    }

    /** Deletes the function with its aliases, function URLs and versions (the plan is printed first). */
    public CleanupPlan deleteFunction(String functionName, DeployOptions options) {
        return clean(() -> cleaner.deleteFunction(functionName), functionName, options);
    }

    /** Deletes every version of the layer. */
    public CleanupPlan deleteLayer(String layerName, DeployOptions options) {
        return clean(() -> cleaner.deleteLayer(layerName), layerName, options);
    }

    /** Deletes old versions of a function: keeps the newest {@code keep}, those aliases route to or may return to. */
    public CleanupPlan pruneFunction(String functionName, int keep, DeployOptions options) {
        return clean(() -> cleaner.pruneFunction(functionName, requireKeep(keep)), functionName, options);
    }

    /** Deletes old layer versions: keeps the newest {@code keep} and those that kept function versions use. */
    public CleanupPlan pruneLayer(String layerName, int keep, DeployOptions options) {
        return clean(() -> cleaner.pruneLayer(layerName, requireKeep(keep)), layerName, options);
    }

    private static int requireKeep(int keep) {
        if (keep < 1) {
            throw new InvalidSpecException("keepVersions", keep, "keep at least 1 version (the newest)");
        }
        return keep;
    }

    private CleanupPlan clean(Supplier<CleanupPlan> planned, String name, DeployOptions options) {
        return guard(List.of(), () -> {
            CleanupPlan plan = planned.get();
            plan.lines().forEach(log::info);
            if (!options.dryRun() && !plan.isEmpty()) {
                cleaner.apply(plan, name);
            }
            return plan;
        });
    }

    /** Invokes {@code functionName} at {@code qualifier} (version or alias; {@code null}: $LATEST) and waits. */
    public InvokeResult invoke(String functionName, String qualifier, byte[] payload) {
        return guard(List.of(), () -> {
            try {
                return new FunctionInvoker(clients.lambda()).invoke(functionName, qualifier, payload);
            } catch (ResourceNotFoundException e) {
                throw new DeployRefusedException("Function " + functionName + (qualifier == null ? "" : ":" + qualifier)
                        + " does not exist on " + TargetFailures.where(target) + " (" + e.awsErrorDetails().errorMessage()
                        + "). Deploy it first (mvn deploy), or name an existing version or alias with -Dlambda.qualifier.");
            }
        });
    }

    /** API calls made by this deployer so far. */
    public int apiCalls() {
        return clients.apiCalls();
    }

    private void preflight(VpcSpec vpc) {
        new VpcPreflight(clients.ec2(), log).check(vpc);
    }

    private <T> T guard(Collection<String> secrets, Supplier<T> work) {
        try {
            return work.get();
        } catch (SdkException e) {
            throw TargetFailures.translate(e, target, secrets, log);
        }
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
