package dev.lambdamaven.plugin;

import dev.lambdamaven.emulator.EmulatorCommandLine;

/**
 * Every user property the plugin reads, in one place. Mojo parameters refer to these constants so that a
 * property name is spelled exactly once.
 */
public final class PropertyNames {

    public static final String PREFIX = "lambda.";

    /** Skips every goal of this plugin; {@link #goalSkip(String)} names the property that skips one goal. */
    public static final String SKIP = "lambda.skip";

    // package-function / package-layer
    public static final String HANDLER = "lambda.handler";
    public static final String RUNTIME = "lambda.runtime";
    public static final String CHECK_HANDLER = "lambda.checkHandler";

    // local invoke runtime (dev.lambdamaven.emulator.runtime): JDK for Java functions run locally
    public static final String INVOKE_JAVA_HOME = EmulatorCommandLine.INVOKE_JAVA_HOME_PROPERTY;

    // invoke goal
    public static final String PAYLOAD = "lambda.payload";
    public static final String PAYLOAD_FILE = "lambda.payloadFile";
    public static final String QUALIFIER = "lambda.qualifier";
    public static final String INVOKE_FAIL_ON_ERROR = "lambda.invoke.failOnError";
    public static final String INVOKE_OUTPUT_FILE = "lambda.invoke.outputFile";

    // lambda:dev
    public static final String DEV_POLL = "lambda.dev.pollMillis";

    // emulator (lambda:emulator and the in-process emulator of target "emulator")
    // (the runnable emulator jar reads the same names as system properties: spelled in EmulatorCommandLine)
    public static final String EMULATOR_PORT = EmulatorCommandLine.PORT_PROPERTY;
    public static final String EMULATOR_START_TIMEOUT = "lambda.emulator.startTimeout";

    // deploy: publish-version, update-alias, promote, rollback, history, publish-layer, configure-vpc, plan
    public static final String FUNCTION_NAME = "lambda.functionName";
    public static final String ROLE = "lambda.role";
    public static final String DESCRIPTION = "lambda.description";
    public static final String MEMORY_SIZE = "lambda.memorySize";
    public static final String TIMEOUT = "lambda.timeout";
    public static final String EPHEMERAL_STORAGE = "lambda.ephemeralStorage";
    public static final String ARCHITECTURE = "lambda.architecture";
    public static final String KMS_KEY_ARN = "lambda.kmsKeyArn";
    public static final String TRACING_MODE = "lambda.tracingMode";
    public static final String RESERVED_CONCURRENCY = "lambda.reservedConcurrency";
    public static final String SNAP_START = "lambda.snapStart";
    public static final String DEAD_LETTER_TARGET_ARN = "lambda.deadLetterTargetArn";
    public static final String RECURSIVE_LOOP = "lambda.recursiveLoop";
    public static final String RUNTIME_UPDATE_MODE = "lambda.runtimeUpdateMode";
    public static final String RUNTIME_VERSION_ARN = "lambda.runtimeVersionArn";
    public static final String CODE_SIGNING_CONFIG_ARN = "lambda.codeSigningConfigArn";
    public static final String AUTHORITATIVE = "lambda.authoritative";
    // the alias's settings (update-alias)
    public static final String PROVISIONED_CONCURRENCY = "lambda.provisionedConcurrency";
    public static final String MAXIMUM_RETRY_ATTEMPTS = "lambda.maximumRetryAttempts";
    public static final String MAXIMUM_EVENT_AGE = "lambda.maximumEventAgeInSeconds";
    public static final String ON_SUCCESS = "lambda.onSuccess";
    public static final String ON_FAILURE = "lambda.onFailure";
    public static final String ALIAS = "lambda.alias";
    public static final String ALIAS_WEIGHT = "lambda.aliasWeight";
    public static final String VERSION = "lambda.version";
    public static final String PROMOTE = "lambda.promote";
    public static final String TRAFFIC_SHIFT = "lambda.trafficShift";
    public static final String SMOKE_PAYLOAD = "lambda.smokePayload";
    public static final String SMOKE_PAYLOAD_FILE = "lambda.smokePayloadFile";
    public static final String ROLLBACK_STEPS = "lambda.rollbackSteps";
    public static final String VERSION_DESCRIPTION = "lambda.versionDescription";
    // clean-up: delete-function, delete-layer, prune
    public static final String KEEP_VERSIONS = "lambda.keepVersions";
    public static final String LAYER_NAME = "lambda.layerName";
    public static final String S3_BUCKET = "lambda.s3Bucket";
    public static final String DRY_RUN = "lambda.dryRun";
    public static final String FAIL_ON_CHANGE = "lambda.failOnChange";
    public static final String SUMMARY = "lambda.summary";
    // where to deploy (shared with invoke and the emulator goals)
    public static final String TARGET = "lambda.target";
    public static final String ENDPOINT = "lambda.endpoint";
    public static final String REGION = "lambda.region";
    public static final String PROFILE = "lambda.profile";
    public static final String EMULATOR_HOME = EmulatorCommandLine.HOME_PROPERTY;
    public static final String EMULATOR_ACCOUNT = "lambda.emulator.account";
    public static final String EMULATOR_HOST = EmulatorCommandLine.HOST_PROPERTY;

    private PropertyNames() {}

    /** The per-goal skip property, {@code lambda.<goal>.skip}. */
    public static String goalSkip(String goal) {
        return PREFIX + goal + ".skip";
    }
}
