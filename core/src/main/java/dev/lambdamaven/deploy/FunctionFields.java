package dev.lambdamaven.deploy;

import static dev.lambdamaven.deploy.FunctionField.Kind.CODE;
import static dev.lambdamaven.deploy.FunctionField.Kind.CONFIGURATION;
import static dev.lambdamaven.deploy.FunctionField.Kind.FUNCTION;

import dev.lambdamaven.config.Environment;
import dev.lambdamaven.config.FileSystemSpec;
import dev.lambdamaven.config.PermissionSpec;
import dev.lambdamaven.config.RuntimeManagementSpec;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.LoggingSpec;
import dev.lambdamaven.config.VpcSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.lambda.model.FileSystemConfig;

/**
 * The table of function settings, in the order plans list them. A new setting is its Mojo parameter, its
 * {@link FunctionSpec} field and one entry here: the diff, the plan, create, update and (for function-level
 * settings) their own calls follow from the entry. {@code lambdaDefault} is what Lambda gives a function that
 * never set the setting, which {@code <authoritative>} resets a left-out setting to.
 */
final class FunctionFields {

    private FunctionFields() {}

    static final FunctionField<String, String> HANDLER = FunctionField.<String>scalar("handler", CONFIGURATION,
                    FunctionSpec::handler, d -> d.configuration().handler())
            .create((b, v) -> b.handler(v)).update((b, v) -> b.handler(v)).build();

    static final FunctionField<String, String> RUNTIME = FunctionField.<String>scalar("runtime", CONFIGURATION,
                    FunctionSpec::runtime, d -> d.configuration().runtimeAsString())
            .create((b, v) -> b.runtime(v)).update((b, v) -> b.runtime(v)).build();

    static final FunctionField<String, String> ROLE = FunctionField.<String>scalar("role", CONFIGURATION,
                    FunctionSpec::role, d -> d.configuration().role())
            .create((b, v) -> b.role(v)).update((b, v) -> b.role(v)).build();

    static final FunctionField<String, String> DESCRIPTION = FunctionField.<String>scalar("description",
                    CONFIGURATION, FunctionSpec::description, d -> d.configuration().description())
            .lambdaDefault("").create((b, v) -> b.description(v)).update((b, v) -> b.description(v)).build();

    static final FunctionField<Integer, Integer> MEMORY_SIZE = FunctionField.<Integer>scalar("memorySize",
                    CONFIGURATION, FunctionSpec::memorySize, d -> d.configuration().memorySize())
            .lambdaDefault(128).create((b, v) -> b.memorySize(v)).update((b, v) -> b.memorySize(v)).build();

    static final FunctionField<Integer, Integer> TIMEOUT = FunctionField.<Integer>scalar("timeout", CONFIGURATION,
                    FunctionSpec::timeout, d -> d.configuration().timeout())
            .lambdaDefault(3).create((b, v) -> b.timeout(v)).update((b, v) -> b.timeout(v)).build();

    static final FunctionField<Integer, Integer> EPHEMERAL_STORAGE = FunctionField.<Integer>scalar(
                    "ephemeralStorage", CONFIGURATION, FunctionSpec::ephemeralStorage,
                    d -> d.configuration().ephemeralStorage() == null ? null : d.configuration().ephemeralStorage().size())
            .lambdaDefault(512).create((b, v) -> b.ephemeralStorage(e -> e.size(v)))
            .update((b, v) -> b.ephemeralStorage(e -> e.size(v))).build();

    /** Sent with the code: Lambda takes an architecture only together with the code it runs. */
    static final FunctionField<String, String> ARCHITECTURE = FunctionField.<String>scalar("architecture", CODE,
                    FunctionSpec::architecture, d -> FunctionField.architecture(d.configuration()))
            .lambdaDefault("x86_64").create((b, v) -> b.architecturesWithStrings(v))
            .code((b, v) -> b.architecturesWithStrings(v)).build();

    static final FunctionField<String, String> KMS_KEY_ARN = FunctionField.<String>scalar("kmsKeyArn", CONFIGURATION,
                    FunctionSpec::kmsKeyArn, d -> d.configuration().kmsKeyArn())
            .lambdaDefault("").create((b, v) -> b.kmsKeyArn(v)).update((b, v) -> b.kmsKeyArn(v)).build();

    static final FunctionField<String, String> TRACING_MODE = FunctionField.<String>scalar("tracingMode",
                    CONFIGURATION, FunctionSpec::tracingMode,
                    d -> d.configuration().tracingConfig() == null ? null
                            : d.configuration().tracingConfig().modeAsString())
            .lambdaDefault("PassThrough").create((b, v) -> b.tracingConfig(t -> t.mode(v)))
            .update((b, v) -> b.tracingConfig(t -> t.mode(v))).build();

    /** Only the parts the pom sets are compared; the default log group is named after the function. */
    static final FunctionField<LoggingSpec, LoggingSpec> LOGGING = FunctionField.<LoggingSpec, LoggingSpec>of(
                    "logging", CONFIGURATION, FunctionSpec::logging)
            .deployed(d -> FunctionField.logging(d.configuration())).differ(FunctionField::loggingChanges)
            .lambdaDefault(s -> new LoggingSpec("Text", null, null, "/aws/lambda/" + s.functionName()))
            .create((b, v) -> b.loggingConfig(FunctionField.loggingConfig(v)))
            .update((b, v) -> b.loggingConfig(FunctionField.loggingConfig(v))).build();

    /** Always managed: variables not in the pom are removed. */
    static final FunctionField<Environment, Map<String, String>> ENVIRONMENT =
            FunctionField.<Environment, Map<String, String>>of("environment", CONFIGURATION,
                            FunctionSpec::environment)
                    .deployed(DeployedFunction::environment).differ(FunctionField::environmentChanges)
                    .create((b, v) -> {
                        if (!v.isEmpty()) {
                            b.environment(e -> e.variables(v.revealAll()));
                        }
                    })
                    .update((b, v) -> b.environment(e -> e.variables(v.revealAll()))).build();

    /** Always managed, in order: none in the pom means none. */
    static final FunctionField<List<String>, List<String>> LAYERS = FunctionField.<List<String>>scalar("layers",
                    CONFIGURATION, FunctionSpec::layers, d -> FunctionField.layers(d.configuration()))
            .differ((name, d, w) -> FunctionField.scalarChange(name, d == null ? List.of() : d, w))
            .create((b, v) -> b.layers(v)).update((b, v) -> b.layers(v)).build();

    /** Always managed: no {@code <vpc>} removes a VPC configuration. */
    static final FunctionField<VpcSpec, VpcSpec> VPC = FunctionField.<VpcSpec>scalar("vpc", CONFIGURATION,
                    FunctionSpec::vpc, d -> FunctionField.vpc(d.configuration()))
            .differ((name, d, w) -> (d == null ? VpcSpec.NONE : d).equals(w) ? List.of()
                    : List.of(new Change(name, String.valueOf(d == null ? VpcSpec.NONE : d), w.toString())))
            .create((b, v) -> {
                if (v.attached()) {
                    b.vpcConfig(FunctionField.vpcConfig(v));
                }
            })
            .update((b, v) -> b.vpcConfig(FunctionField.vpcConfig(v))).build();

    /** Added or updated; a tag left out of the pom is removed only by {@code <authoritative>}. */
    static final FunctionField<Map<String, String>, Map<String, String>> TAGS =
            FunctionField.<Map<String, String>, Map<String, String>>of("tags", FUNCTION, FunctionSpec::tags)
                    .deployed(DeployedFunction::tags).differ(FunctionField::addedOrUpdated)
                    .reset((field, spec, d) -> FunctionField.removed(field.name, d, spec.tags()))
                    .revisesFunction()
                    .create((b, v) -> {
                        if (!v.isEmpty()) {
                            b.tags(v);
                        }
                    })
                    .apply((calls, wanted, deployed, authoritative) -> {
                        Map<String, String> have = deployed == null ? Map.of() : deployed;
                        Map<String, String> changed = new TreeMap<>(wanted);
                        changed.entrySet().removeIf(e -> e.getValue().equals(have.get(e.getKey())));
                        String arn = calls.functionArn();
                        if (!changed.isEmpty()) {
                            calls.call("TagResource", () -> calls.lambda().tagResource(r -> r.resource(arn)
                                    .tags(changed)));
                        }
                        List<String> removed = have.keySet().stream().filter(k -> !wanted.containsKey(k)).sorted()
                                .toList();
                        if (authoritative && !removed.isEmpty()) {
                            calls.call("UntagResource", () -> calls.lambda().untagResource(r -> r.resource(arn)
                                    .tagKeys(removed)));
                        }
                    }).build();

    static final FunctionField<Integer, Integer> RESERVED_CONCURRENCY = FunctionField.<Integer>scalar(
                    "reservedConcurrency", FUNCTION, FunctionSpec::reservedConcurrency, DeployedFunction::reservedConcurrency)
            .lambdaDefault((Integer) null)
            .apply((calls, value, deployed, authoritative) -> {
                if (value == null) {
                    calls.call("DeleteFunctionConcurrency", () -> calls.lambda().deleteFunctionConcurrency(r -> r
                            .functionName(calls.functionName())));
                    calls.log().info("Reserved concurrency of " + calls.functionName() + " removed");
                } else {
                    calls.call("PutFunctionConcurrency", () -> calls.lambda().putFunctionConcurrency(r -> r
                            .functionName(calls.functionName()).reservedConcurrentExecutions(value)));
                    calls.log().info("Reserved concurrency of " + calls.functionName() + ": " + value);
                }
            }).build();

    /** {@code PublishedVersions}: each published version starts from a snapshot (Publisher waits for it). */
    static final FunctionField<String, String> SNAP_START = FunctionField.<String>scalar("snapStart", CONFIGURATION,
                    FunctionSpec::snapStart,
                    d -> d.configuration().snapStart() == null ? null : d.configuration().snapStart().applyOnAsString())
            .lambdaDefault("None").create((b, v) -> b.snapStart(s -> s.applyOn(v)))
            .update((b, v) -> b.snapStart(s -> s.applyOn(v))).build();

    /** An empty ARN removes the dead-letter queue, as the API takes it. */
    static final FunctionField<String, String> DEAD_LETTER_TARGET_ARN = FunctionField.<String>scalar(
                    "deadLetterTargetArn", CONFIGURATION, FunctionSpec::deadLetterTargetArn,
                    d -> d.configuration().deadLetterConfig() == null ? null
                            : d.configuration().deadLetterConfig().targetArn())
            .lambdaDefault("")
            .create((b, v) -> {
                if (!v.isEmpty()) {
                    b.deadLetterConfig(c -> c.targetArn(v));
                }
            })
            .update((b, v) -> b.deadLetterConfig(c -> c.targetArn(v))).build();

    static final FunctionField<List<FileSystemSpec>, List<String>> FILE_SYSTEM_CONFIGS =
            FunctionField.<List<FileSystemSpec>, List<String>>of("fileSystemConfigs", CONFIGURATION,
                            FunctionSpec::fileSystemConfigs)
                    .deployed(d -> d.configuration().hasFileSystemConfigs() ? d.configuration().fileSystemConfigs()
                            .stream().map(f -> f.arn() + " at " + f.localMountPath()).toList()
                            : List.of())
                    .differ((name, d, w) -> FunctionField.scalarChange(name, d == null ? List.of() : d,
                            w.stream().map(FileSystemSpec::toString).toList()))
                    .lambdaDefault(List.of())
                    .create((b, v) -> {
                        if (!v.isEmpty()) {
                            b.fileSystemConfigs(FunctionFields.fileSystems(v));
                        }
                    })
                    .update((b, v) -> b.fileSystemConfigs(FunctionFields.fileSystems(v))).build();

    static final FunctionField<String, String> RECURSIVE_LOOP = FunctionField.<String>scalar("recursiveLoop",
                    FUNCTION, FunctionSpec::recursiveLoop, null)
            .ownRead(calls -> calls.call("GetFunctionRecursionConfig", () -> calls.lambda()
                    .getFunctionRecursionConfig(r -> r.functionName(calls.functionName()))).recursiveLoopAsString())
            .lambdaDefault("Terminate")
            .apply((calls, value, deployed, authoritative) -> {
                calls.call("PutFunctionRecursionConfig", () -> calls.lambda().putFunctionRecursionConfig(r -> r
                        .functionName(calls.functionName()).recursiveLoop(value)));
                calls.log().info("Recursive loop detection of " + calls.functionName() + ": " + value);
            }).build();

    /** Of {@code $LATEST}, which each version published next takes. */
    static final FunctionField<RuntimeManagementSpec, String> RUNTIME_MANAGEMENT =
            FunctionField.<RuntimeManagementSpec, String>of("runtimeUpdateMode", FUNCTION,
                            FunctionSpec::runtimeManagement)
                    .ownRead(calls -> {
                        var config = calls.call("GetRuntimeManagementConfig", () -> calls.lambda()
                                .getRuntimeManagementConfig(r -> r.functionName(calls.functionName())));
                        return config.updateRuntimeOnAsString() + (config.runtimeVersionArn() == null ? ""
                                : " (" + config.runtimeVersionArn() + ")");
                    })
                    .differ((name, d, w) -> FunctionField.scalarChange(name, d, w.toString()))
                    .lambdaDefault(RuntimeManagementSpec.AUTO)
                    .apply((calls, value, deployed, authoritative) -> {
                        calls.call("PutRuntimeManagementConfig", () -> calls.lambda().putRuntimeManagementConfig(r -> r
                                .functionName(calls.functionName()).updateRuntimeOn(value.updateRuntimeOn())
                                .runtimeVersionArn(value.runtimeVersionArn())));
                        calls.log().info("Runtime updates of " + calls.functionName() + ": " + value);
                    }).build();

    /** An empty ARN removes the code signing config. */
    static final FunctionField<String, String> CODE_SIGNING_CONFIG_ARN = FunctionField.<String>scalar(
                    "codeSigningConfigArn", FUNCTION, FunctionSpec::codeSigningConfigArn, null)
            .ownRead(calls -> {
                String arn = calls.call("GetFunctionCodeSigningConfig", () -> calls.lambda()
                        .getFunctionCodeSigningConfig(r -> r.functionName(calls.functionName()))).codeSigningConfigArn();
                return arn == null ? "" : arn;
            })
            .lambdaDefault("")
            .revisesFunction()
            .create((b, v) -> {
                if (!v.isEmpty()) {
                    b.codeSigningConfigArn(v);
                }
            })
            .apply((calls, value, deployed, authoritative) -> {
                if (value.isEmpty()) {
                    calls.call("DeleteFunctionCodeSigningConfig", () -> calls.lambda().deleteFunctionCodeSigningConfig(
                            r -> r.functionName(calls.functionName())));
                    calls.log().info("Code signing config of " + calls.functionName() + " removed");
                } else {
                    calls.call("PutFunctionCodeSigningConfig", () -> calls.lambda().putFunctionCodeSigningConfig(r -> r
                            .functionName(calls.functionName()).codeSigningConfigArn(value)));
                    calls.log().info("Code signing config of " + calls.functionName() + ": " + value);
                }
            }).build();

    /**
     * The function's own policy (statements on an alias are the alias's settings). The plugin's statements (ids with
     * its prefix) dropped from the pom are removed; the others only with {@code <authoritative>}, or all with it when
     * the pom has no {@code <permissions>}.
     */
    static final FunctionField<List<PermissionSpec>, Map<String, String>> PERMISSIONS =
            FunctionField.<List<PermissionSpec>, Map<String, String>>of("permissions", FUNCTION,
                            FunctionSpec::functionPermissions)
                    .ownRead(calls -> Permissions.read(calls, null))
                    .differ(Permissions::changes)
                    .reset((field, spec, d) -> Permissions.resets(field.name, d, spec.functionPermissions()))
                    .revisesFunction()
                    .apply((calls, value, deployed, authoritative) -> Permissions.apply(calls, null, value, deployed,
                            authoritative)).build();

    /** The table, in plan order. */
    static final List<FunctionField<?, ?>> ALL = List.of(HANDLER, RUNTIME, ROLE, DESCRIPTION, MEMORY_SIZE, TIMEOUT,
            EPHEMERAL_STORAGE, ARCHITECTURE, KMS_KEY_ARN, TRACING_MODE, LOGGING, ENVIRONMENT, LAYERS, VPC,
            SNAP_START, DEAD_LETTER_TARGET_ARN, FILE_SYSTEM_CONFIGS, TAGS, RESERVED_CONCURRENCY, RECURSIVE_LOOP,
            RUNTIME_MANAGEMENT, CODE_SIGNING_CONFIG_ARN, PERMISSIONS);

    private static List<FileSystemConfig> fileSystems(List<FileSystemSpec> specs) {
        return specs.stream().map(f -> FileSystemConfig.builder().arn(f.arn()).localMountPath(f.localMountPath())
                .build()).toList();
    }

    static FunctionField<?, ?> named(String name) {
        return ALL.stream().filter(f -> f.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function field " + name));
    }
}
