package dev.lambdamaven.deploy;

import dev.lambdamaven.config.Environment;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.LoggingSpec;
import dev.lambdamaven.config.SecretValue;
import dev.lambdamaven.config.VpcSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.LoggingConfig;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.VpcConfig;

/**
 * One Lambda function setting: its parameter name, how to read it from the spec and from the deployed function, how
 * a change of it renders (secrets masked), how it is set on CreateFunction and on the update that carries it, and the
 * value Lambda gives when it is absent (what {@code <authoritative>} resets it to). {@link FunctionFields#ALL} is
 * the table; the diff, the plan and the applier loop over it. {@code T} is the wanted value, {@code D} the deployed
 * one (the same type, but for the environment, whose wanted side knows its secrets).
 */
final class FunctionField<T, D> {

    /** Where a setting lives: how it is applied, and whether changing it gives a new version. */
    enum Kind {
        /** Versioned configuration: CreateFunction, UpdateFunctionConfiguration. */
        CONFIGURATION,
        /** Sent with the code: CreateFunction, UpdateFunctionCode (the architecture). */
        CODE,
        /** The function's own, carried by no version: CreateFunction where it takes it, else a call of its own. */
        FUNCTION
    }

    /** How a deployed and a wanted value differ, as plan lines ({@code deployed} null: not deployed yet). */
    interface Differ<T, D> {
        List<Change> changes(String name, D deployed, T wanted);
    }

    /** A function-level setting's own calls; {@code deployed} is null right after the function was created. */
    interface Apply<T, D> {
        void apply(FunctionCalls calls, T value, D deployed, boolean authoritative);
    }

    /** A deployed value that GetFunction does not carry: read with a call of its own, only when the plan needs it. */
    interface OwnRead<D> {
        D read(FunctionCalls calls);
    }

    /** What {@code <authoritative>} would change of a setting the pom leaves out. */
    interface Reset<T, D> {
        List<Change> changes(FunctionField<T, D> field, FunctionSpec spec, D deployed);
    }

    final String name;
    final Kind kind;
    private final Function<FunctionSpec, T> wanted;
    private final Function<DeployedFunction, D> deployed;
    private final OwnRead<D> ownRead;
    private final Differ<T, D> differ;
    private final Function<FunctionSpec, T> lambdaDefault;
    private final Reset<T, D> reset;
    private final BiConsumer<CreateFunctionRequest.Builder, T> create;
    private final BiConsumer<UpdateFunctionConfigurationRequest.Builder, T> update;
    private final BiConsumer<UpdateFunctionCodeRequest.Builder, T> code;
    private final Apply<T, D> apply;
    /** Whether applying it gives the function a new RevisionId, which the publish that follows must send. */
    final boolean revisesFunction;

    private FunctionField(Builder<T, D> b) {
        this.name = b.name;
        this.kind = b.kind;
        this.wanted = b.wanted;
        this.ownRead = b.ownRead;
        this.deployed = b.ownRead == null ? b.deployed : d -> ownValue(d, b.name);
        this.differ = b.differ;
        this.lambdaDefault = b.lambdaDefault;
        this.reset = b.reset != null ? b.reset : b.lambdaDefault == null ? null
                // a value Lambda does not report is its default
                : (field, spec, d) -> d == null ? List.of() : field.differ.changes(field.name, d,
                        field.lambdaDefault.apply(spec));
        this.create = b.create;
        this.update = b.update;
        this.code = b.code;
        this.apply = b.apply;
        this.revisesFunction = b.revisesFunction;
    }

    @SuppressWarnings("unchecked")
    private static <D> D ownValue(DeployedFunction d, String name) {
        return (D) d.ownReads().get(name);
    }

    /** Whether the pom sets this field (environment, layers and VPC always are: empty means none). */
    boolean managedBy(FunctionSpec spec) {
        return wanted.apply(spec) != null;
    }

    /** Whether GetFunction does not carry it, so reading it costs a call of its own. */
    boolean hasOwnRead() {
        return ownRead != null;
    }

    D readOwn(FunctionCalls calls) {
        return ownRead.read(calls);
    }

    D deployedValue(DeployedFunction function) {
        return function == null ? null : deployed.apply(function);
    }

    /** The changes that bring the deployed value to the pom's; none when the pom leaves the field out. */
    List<Change> changes(FunctionSpec spec, DeployedFunction function) {
        T want = wanted.apply(spec);
        return want == null ? List.of() : differ.changes(name, deployedValue(function), want);
    }

    /** What {@code <authoritative>} would change besides: the field reset to Lambda's default, or removals. */
    List<Change> resets(FunctionSpec spec, DeployedFunction function) {
        if (function == null || reset == null || (ownRead != null && !function.ownReads().containsKey(name))) {
            return List.of();
        }
        if (wanted.apply(spec) != null && lambdaDefault != null) {
            return List.of(); // a scalar the pom sets has nothing left out
        }
        return reset.changes(this, spec, deployedValue(function));
    }

    /** The value to send: the pom's, else (with {@code <authoritative>}) Lambda's default, else null. */
    T target(FunctionSpec spec) {
        T want = wanted.apply(spec);
        return want != null || lambdaDefault == null || !spec.authoritative() ? want : lambdaDefault.apply(spec);
    }

    /** Sets the pom's value on CreateFunction, when it carries this field. */
    void setOnCreate(CreateFunctionRequest.Builder request, FunctionSpec spec) {
        T want = wanted.apply(spec);
        if (create != null && want != null) {
            create.accept(request, want);
        }
    }

    /** Whether CreateFunction carries this field (else a new function gets it by the field's own call). */
    boolean createdWith() {
        return create != null;
    }

    void setOnUpdate(UpdateFunctionConfigurationRequest.Builder request, FunctionSpec spec) {
        if (update != null) {
            update.accept(request, target(spec));
        }
    }

    void setOnCode(UpdateFunctionCodeRequest.Builder request, FunctionSpec spec) {
        T value = target(spec);
        if (code != null && value != null) {
            code.accept(request, value);
        }
    }

    /** Applies a function-level field with its own calls. */
    void applyOwn(FunctionCalls calls, FunctionSpec spec, DeployedFunction function) {
        apply.apply(calls, target(spec), deployedValue(function), spec.authoritative());
    }

    /** Whether {@code <authoritative>} changes it when the pom leaves it out. */
    boolean resettable() {
        return reset != null;
    }

    @Override
    public String toString() {
        return name;
    }

    // ---- building entries -------------------------------------------------------------------------------------

    static <T> Builder<T, T> scalar(String name, Kind kind, Function<FunctionSpec, T> wanted,
                                    Function<DeployedFunction, T> deployed) {
        return new Builder<T, T>(name, kind, wanted).deployed(deployed).differ(FunctionField::scalarChange);
    }

    static <T, D> Builder<T, D> of(String name, Kind kind, Function<FunctionSpec, T> wanted) {
        return new Builder<>(name, kind, wanted);
    }

    static final class Builder<T, D> {
        private final String name;
        private final Kind kind;
        private final Function<FunctionSpec, T> wanted;
        private Function<DeployedFunction, D> deployed;
        private OwnRead<D> ownRead;
        private Differ<T, D> differ;
        private Function<FunctionSpec, T> lambdaDefault;
        private Reset<T, D> reset;
        private BiConsumer<CreateFunctionRequest.Builder, T> create;
        private BiConsumer<UpdateFunctionConfigurationRequest.Builder, T> update;
        private BiConsumer<UpdateFunctionCodeRequest.Builder, T> code;
        private Apply<T, D> apply;
        private boolean revisesFunction;

        private Builder(String name, Kind kind, Function<FunctionSpec, T> wanted) {
            this.name = name;
            this.kind = kind;
            this.wanted = wanted;
        }

        Builder<T, D> deployed(Function<DeployedFunction, D> v) { deployed = v; return this; }
        Builder<T, D> ownRead(OwnRead<D> v) { ownRead = v; return this; }
        Builder<T, D> differ(Differ<T, D> v) { differ = v; return this; }
        /** Lambda's value when the setting is absent (also: never set); {@code <authoritative>} resets to it. */
        Builder<T, D> lambdaDefault(Function<FunctionSpec, T> v) { lambdaDefault = v; return this; }
        Builder<T, D> lambdaDefault(T v) { lambdaDefault = s -> v; return this; }
        Builder<T, D> reset(Reset<T, D> v) { reset = v; return this; }
        Builder<T, D> create(BiConsumer<CreateFunctionRequest.Builder, T> v) { create = v; return this; }
        Builder<T, D> update(BiConsumer<UpdateFunctionConfigurationRequest.Builder, T> v) { update = v; return this; }
        Builder<T, D> code(BiConsumer<UpdateFunctionCodeRequest.Builder, T> v) { code = v; return this; }
        Builder<T, D> apply(Apply<T, D> v) { apply = v; return this; }
        Builder<T, D> revisesFunction() { revisesFunction = true; return this; }

        FunctionField<T, D> build() {
            Objects.requireNonNull(differ, name);
            if ((kind == Kind.CONFIGURATION && (create == null || update == null))
                    || (kind == Kind.CODE && (create == null || code == null))
                    || (kind == Kind.FUNCTION && apply == null)) {
                throw new IllegalStateException(name + ": a " + kind + " field needs its setters");
            }
            return new FunctionField<>(this);
        }
    }

    // ---- the differs the entries share ------------------------------------------------------------------------

    /** A single value; an empty text is the same as none, as Lambda answers it. */
    static <T> List<Change> scalarChange(String name, T deployed, T wanted) {
        Object d = blankToNull(deployed);
        Object w = blankToNull(wanted);
        return Objects.equals(d, w) ? List.of() : List.of(new Change(name, render(d), render(w)));
    }

    /** Map entries added or updated (never removed: that is a reset), one line each as {@code name.key}. */
    static List<Change> addedOrUpdated(String name, Map<String, String> deployed, Map<String, String> wanted) {
        Map<String, String> d = deployed == null ? Map.of() : deployed;
        List<Change> changes = new ArrayList<>();
        new TreeMap<>(wanted).forEach((key, value) -> {
            String old = d.get(key);
            if (!value.equals(old)) {
                changes.add(new Change(name + "." + key, old == null ? Change.NONE : old, value));
            }
        });
        return changes;
    }

    /** Map entries the pom leaves out, as removals. */
    static List<Change> removed(String name, Map<String, String> deployed, Map<String, String> wanted) {
        List<Change> changes = new ArrayList<>();
        new TreeMap<>(deployed == null ? Map.of() : deployed).forEach((key, value) -> {
            if (!wanted.containsKey(key)) {
                changes.add(new Change(name + "." + key, value, Change.NONE));
            }
        });
        return changes;
    }

    /** Every variable, added, changed or removed; a secret's values, and a removed key's, print as {@code ****}. */
    static List<Change> environmentChanges(String name, Map<String, String> deployed, Environment wanted) {
        Map<String, String> d = deployed == null ? Map.of() : deployed;
        Map<String, String> want = wanted.revealAll();
        TreeSet<String> keys = new TreeSet<>(d.keySet());
        keys.addAll(want.keySet());
        List<Change> changes = new ArrayList<>();
        for (String key : keys) {
            String old = d.get(key);
            String now = want.get(key);
            if (Objects.equals(old, now)) {
                continue;
            }
            // a removed key may have held a secret in an earlier build: never print old values of removed keys
            boolean masked = wanted.isSecret(key) || now == null;
            changes.add(new Change(name + "." + key,
                    old == null ? Change.NONE : masked ? SecretValue.MASK : old,
                    now == null ? Change.NONE : masked ? SecretValue.MASK : now));
        }
        return changes;
    }

    /** The logging fields the pom sets, one line each. */
    static List<Change> loggingChanges(String name, LoggingSpec deployed, LoggingSpec wanted) {
        LoggingSpec d = deployed != null ? deployed : new LoggingSpec(null, null, null, null);
        List<Change> changes = new ArrayList<>();
        sub(changes, name, "logFormat", d.logFormat(), wanted.logFormat());
        sub(changes, name, "applicationLogLevel", d.applicationLogLevel(), wanted.applicationLogLevel());
        sub(changes, name, "systemLogLevel", d.systemLogLevel(), wanted.systemLogLevel());
        sub(changes, name, "logGroup", d.logGroup(), wanted.logGroup());
        return changes;
    }

    private static void sub(List<Change> changes, String name, String part, String deployed, String wanted) {
        if (wanted != null && !wanted.equals(deployed)) {
            changes.add(new Change(name + "." + part, render(deployed), wanted));
        }
    }

    static Object blankToNull(Object value) {
        return value instanceof String s && s.isEmpty() ? null : value;
    }

    static String render(Object value) {
        return value == null ? Change.NONE : value instanceof List<?> l && l.isEmpty() ? "[]" : value.toString();
    }

    // ---- readers of GetFunction's configuration that more than one place needs ----------------------------------

    static String architecture(FunctionConfiguration c) {
        return c.hasArchitectures() && !c.architecturesAsStrings().isEmpty() ? c.architecturesAsStrings().get(0)
                : "x86_64";
    }

    static List<String> layers(FunctionConfiguration c) {
        return c.hasLayers() ? c.layers().stream().map(Layer::arn).toList() : List.of();
    }

    static VpcSpec vpc(FunctionConfiguration c) {
        return c.vpcConfig() == null ? VpcSpec.NONE : new VpcSpec(c.vpcConfig().subnetIds(),
                c.vpcConfig().securityGroupIds(), Boolean.TRUE.equals(c.vpcConfig().ipv6AllowedForDualStack()));
    }

    static LoggingSpec logging(FunctionConfiguration c) {
        return c.loggingConfig() == null ? null : new LoggingSpec(c.loggingConfig().logFormatAsString(),
                c.loggingConfig().applicationLogLevelAsString(), c.loggingConfig().systemLogLevelAsString(),
                c.loggingConfig().logGroup());
    }

    static LoggingConfig loggingConfig(LoggingSpec logging) {
        return LoggingConfig.builder().logFormat(logging.logFormat()).applicationLogLevel(logging.applicationLogLevel())
                .systemLogLevel(logging.systemLogLevel()).logGroup(logging.logGroup()).build();
    }

    static VpcConfig vpcConfig(VpcSpec vpc) {
        VpcConfig.Builder config = VpcConfig.builder().subnetIds(vpc.subnetIds()).securityGroupIds(vpc.securityGroupIds());
        if (vpc.attached()) {
            config.ipv6AllowedForDualStack(vpc.ipv6AllowedForDualStack());
        }
        return config.build();
    }
}
