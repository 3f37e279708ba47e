package dev.lambdamaven.plugin;

import dev.lambdamaven.config.Environment;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.RuntimeManagementSpec;
import dev.lambdamaven.config.SecretValue;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.packaging.FunctionRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The function's configuration, shared by publish-version and plan (and, through the pom's plugin-level
 * configuration, with package-function): reads the parameters into a {@link FunctionSpec}, with the zip,
 * checked handler and runtime that package-function recorded in {@code target/lambda}.
 */
public abstract class AbstractFunctionMojo extends AbstractReleaseMojo {

    /** Placeholder execution role for the emulator, which does not check roles. */
    static final String EMULATOR_ROLE = "arn:aws:iam::123456789012:role/lambda-emulator";

    /** Handler, such as {@code com.acme.Handler::handleRequest}; default: the one package-function checked or found. */
    @Parameter(property = PropertyNames.HANDLER)
    protected String handler;

    /** Lambda runtime, such as {@code java21}; default: the one package-function used (from {@code maven.compiler.release}). */
    @Parameter(property = PropertyNames.RUNTIME)
    protected String runtime;

    /** Execution role ARN ({@code arn:aws:iam::<account>:role/<name>}); required for {@code aws}, a placeholder on the emulator. */
    @Parameter(property = PropertyNames.ROLE)
    protected String role;

    /** The function's description (at most 256 characters). */
    @Parameter(property = PropertyNames.DESCRIPTION)
    protected String description;

    /** Memory in MB, 128 to 10240; unset: Lambda's default (128) on create, left alone afterwards. */
    @Parameter(property = PropertyNames.MEMORY_SIZE)
    protected Integer memorySize;

    /** Timeout in seconds, 1 to 900; unset: Lambda's default (3) on create, left alone afterwards. */
    @Parameter(property = PropertyNames.TIMEOUT)
    protected Integer timeout;

    /** Size of {@code /tmp} in MB, 512 to 10240; unset: Lambda's default (512) on create, left alone afterwards. */
    @Parameter(property = PropertyNames.EPHEMERAL_STORAGE)
    protected Integer ephemeralStorage;

    /** {@code x86_64} or {@code arm64}; unset: Lambda's default (x86_64) on create, left alone afterwards. */
    @Parameter(property = PropertyNames.ARCHITECTURE)
    protected String architecture;

    /** Plain environment variables; variables not listed here or in {@code secrets} are removed. */
    @Parameter
    protected Map<String, String> environment;

    /**
     * Environment variables whose values come from settings.xml ({@code settings:<server id>}), the build's
     * environment ({@code env:<VARIABLE>}) or a file ({@code file:<path>}); shown as {@code ****} everywhere.
     */
    @Parameter
    protected List<Secret> secrets;

    /**
     * A KMS key (key id, key ARN, alias name or alias ARN) that encrypts every secret before it leaves the build, as
     * the Lambda console's encryption helpers do; the function decrypts with KMS. A secret's own
     * {@code <encryptInTransit>} overrides it. See docs/secrets.md.
     */
    @Parameter
    protected String encryptSecretsInTransit;

    /** KMS key ARN that encrypts the environment at rest; empty: Lambda's own key. */
    @Parameter(property = PropertyNames.KMS_KEY_ARN)
    protected String kmsKeyArn;

    /** Layer version ARNs, or artifactIds of layer modules of this reactor (at most 5, in order). */
    @Parameter
    protected List<String> layers;

    /** {@code Active} (X-Ray tracing) or {@code PassThrough}; unset: left alone. */
    @Parameter(property = PropertyNames.TRACING_MODE)
    protected String tracingMode;

    /** Reserved concurrent executions of the function (a function-level setting: no new version); unset: left alone. */
    @Parameter(property = PropertyNames.RESERVED_CONCURRENCY)
    protected Integer reservedConcurrency;

    /** {@code <logFormat>} (Text, JSON), {@code <applicationLogLevel>}, {@code <systemLogLevel>}, {@code <logGroup>}; each left alone when unset. */
    @Parameter
    protected Logging logging;

    /** Function tags (added or updated, never removed; at most 50). */
    @Parameter
    protected Map<String, String> tags;

    /** Subnets and security groups; leave out to run outside a VPC (removes an existing VPC configuration). */
    @Parameter
    protected Vpc vpc;

    /** {@code PublishedVersions}: each published version starts from a snapshot of its initialized environment (Java 11+); {@code None}. */
    @Parameter(property = PropertyNames.SNAP_START)
    protected String snapStart;

    /** SQS queue or SNS topic ARN for events that failed all asynchronous attempts; empty: none. */
    @Parameter(property = PropertyNames.DEAD_LETTER_TARGET_ARN)
    protected String deadLetterTargetArn;

    /** At most one EFS access point: {@code <fileSystemConfig><arn>..</arn><localMountPath>/mnt/..</localMountPath></fileSystemConfig>}; needs a {@code <vpc>}. */
    @Parameter
    protected List<FileSystemConfig> fileSystemConfigs;

    /** {@code Terminate} (Lambda's default: stops a detected recursive loop) or {@code Allow}; unset: left alone. */
    @Parameter(property = PropertyNames.RECURSIVE_LOOP)
    protected String recursiveLoop;

    /** When Lambda moves the function to a new runtime version: {@code Auto} (default), {@code FunctionUpdate} or {@code Manual}. */
    @Parameter(property = PropertyNames.RUNTIME_UPDATE_MODE)
    protected String runtimeUpdateMode;

    /** With {@code Manual}: the runtime version ARN the function stays on. */
    @Parameter(property = PropertyNames.RUNTIME_VERSION_ARN)
    protected String runtimeVersionArn;

    /** Code signing config ARN whose signing profiles the code must be signed by; empty: none. */
    @Parameter(property = PropertyNames.CODE_SIGNING_CONFIG_ARN)
    protected String codeSigningConfigArn;

    /** Bucket for zips above Lambda's 50 MB direct upload limit, in the function's region. */
    @Parameter(property = PropertyNames.S3_BUCKET)
    protected String s3Bucket;

    /** Fails the build when the function differs from the pom (a CI drift check), before changing anything. */
    @Parameter(property = PropertyNames.FAIL_ON_CHANGE, defaultValue = "false")
    protected boolean failOnChange;

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    @Override
    protected boolean failOnChange() {
        return failOnChange;
    }

    @Override
    protected String s3Bucket() {
        return s3Bucket;
    }

    /** The wanted function, secrets resolved, reactor layers resolved to their versions in this build. */
    protected FunctionSpec functionSpec(Target resolvedTarget) throws MojoFailureException {
        return functionSpec(resolvedTarget, packaged());
    }

    /** The same, for the package {@code packaged} (lambda:dev's own, say) rather than package-function's. */
    protected FunctionSpec functionSpec(Target resolvedTarget, FunctionRecord packaged) throws MojoFailureException {
        Map<String, SecretValue> secretValues = new SecretResolver(settings, settingsDecrypter, System::getenv,
                project.getBasedir().toPath()).resolve(secrets, encryptSecretsInTransit);
        Map<String, String> plain = new TreeMap<>();
        if (environment != null) {
            environment.forEach((k, v) -> plain.put(k, v == null ? "" : v));
        }
        FunctionSpec spec = FunctionSpec.builder(functionName, packaged.zip())
                .codeSha256(packaged.codeSha256())
                .handler(handler != null ? handler : packaged.handler())
                .runtime(runtime != null ? runtime : packaged.runtime())
                .role(role != null || resolvedTarget.isAws() ? role : EMULATOR_ROLE)
                .description(description)
                .memorySize(memorySize)
                .timeout(timeout)
                .ephemeralStorage(ephemeralStorage)
                .architecture(architecture)
                .environment(new Environment(plain, secretValues))
                .kmsKeyArn(kmsKeyArn)
                .layers(ReactorLayers.resolve(layers, session, dryRun()))
                .tags(tags)
                .vpc(vpc == null ? null : vpc.toSpec())
                .tracingMode(tracingMode)
                .reservedConcurrency(reservedConcurrency)
                .logging(logging == null ? null : logging.toSpec())
                .snapStart(snapStart)
                .deadLetterTargetArn(deadLetterTargetArn)
                .fileSystemConfigs(fileSystemConfigs == null ? null
                        : fileSystemConfigs.stream().map(FileSystemConfig::toSpec).toList())
                .recursiveLoop(recursiveLoop)
                .runtimeManagement(RuntimeManagementSpec.of(runtimeUpdateMode, runtimeVersionArn))
                .codeSigningConfigArn(codeSigningConfigArn)
                .permissions(permissionSpecs())
                .authoritative(authoritative)
                .build();
        aliasSettings().checkWith(spec);
        return spec;
    }

    /** What package-function recorded, failing with the fix when it has not run or its zip is gone. */
    private FunctionRecord packaged() {
        Path work = LayerModules.workDirectory(project);
        Optional<FunctionRecord> record;
        try {
            record = FunctionRecord.read(work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + work.resolve(FunctionRecord.FILE_NAME), e);
        }
        if (record.isEmpty() || !Files.isRegularFile(record.get().zip())) {
            throw new InvalidSpecException("functionName", functionName, "no deployment zip recorded in " + work
                    + ": run the package phase first (mvn package lambda:" + goal() + "), with lambda:package-function"
                    + " bound in the pom");
        }
        return record.get();
    }
}
