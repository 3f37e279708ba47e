package dev.lambdamaven.plugin;

import dev.lambdamaven.config.Environment;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.SecretValue;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.packaging.FunctionRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The function's configuration, shared by publish-version, plan and configure-vpc (and, through the pom's
 * plugin-level configuration, with package-function): reads the parameters into a {@link FunctionSpec}.
 */
public abstract class AbstractFunctionMojo extends AbstractDeployMojo {

    /** Placeholder execution role for the emulator, which does not check roles. */
    static final String EMULATOR_ROLE = "arn:aws:iam::123456789012:role/lambda-emulator";

    /** Handler, such as {@code com.acme.Handler::handleRequest}. */
    @Parameter(property = PropertyNames.HANDLER)
    protected String handler;

    /** Lambda runtime; default from {@code maven.compiler.release} (17: java17, 21: java21, 25: java25). */
    @Parameter(property = PropertyNames.RUNTIME)
    protected String runtime;

    /** Execution role ARN; required for {@code aws}, a placeholder on the emulator. */
    @Parameter(property = PropertyNames.ROLE)
    protected String role;

    @Parameter(property = PropertyNames.DESCRIPTION)
    protected String description;

    @Parameter(property = PropertyNames.MEMORY_SIZE)
    protected Integer memorySize;

    @Parameter(property = PropertyNames.TIMEOUT)
    protected Integer timeout;

    @Parameter(property = PropertyNames.EPHEMERAL_STORAGE)
    protected Integer ephemeralStorage;

    /** {@code x86_64} or {@code arm64}. */
    @Parameter(property = PropertyNames.ARCHITECTURE)
    protected String architecture;

    /** Plain environment variables. Secret values go in {@code <secrets>}. */
    @Parameter
    protected Map<String, String> environment;

    /** Environment variables whose values come from settings.xml, the build's environment or a file. */
    @Parameter
    protected List<Secret> secrets;

    /**
     * A KMS key (key id, key ARN, alias name or alias ARN) that encrypts every secret before it leaves the build, as
     * the Lambda console's encryption helpers do; the function decrypts with KMS. A secret's own
     * {@code <encryptInTransit>} overrides it. See docs/secrets.md.
     */
    @Parameter
    protected String encryptSecretsInTransit;

    @Parameter(property = PropertyNames.KMS_KEY_ARN)
    protected String kmsKeyArn;

    /** Layer version ARNs, or artifactIds of layer modules of this reactor. */
    @Parameter
    protected List<String> layers;

    /** {@code Active} (X-Ray tracing) or {@code PassThrough}. */
    @Parameter(property = PropertyNames.TRACING_MODE)
    protected String tracingMode;

    /** Reserved concurrent executions of the function (a function-level setting: no new version). */
    @Parameter(property = PropertyNames.RESERVED_CONCURRENCY)
    protected Integer reservedConcurrency;

    /** {@code <logFormat>} (Text, JSON), {@code <applicationLogLevel>}, {@code <systemLogLevel>}, {@code <logGroup>}. */
    @Parameter
    protected Logging logging;

    /** Function tags (added or updated, never removed). */
    @Parameter
    protected Map<String, String> tags;

    /** Subnets and security groups; leave out to run outside a VPC (removes an existing VPC configuration). */
    @Parameter
    protected Vpc vpc;

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    private Map<String, SecretValue> resolvedSecrets = Map.of();

    /** The wanted function, secrets resolved, reactor layers resolved to their published ARNs. */
    protected FunctionSpec functionSpec(Target resolvedTarget) throws MojoFailureException {
        resolvedSecrets = new SecretResolver(settings, settingsDecrypter, System::getenv, project.getBasedir().toPath())
                .resolve(secrets, encryptSecretsInTransit);
        Map<String, String> plain = new TreeMap<>();
        if (environment != null) {
            environment.forEach((k, v) -> plain.put(k, v == null ? "" : v));
        }
        return FunctionSpec.builder(functionName, functionZip())
                .handler(handler != null ? handler : recordedHandler())
                .runtime(runtime != null ? runtime : RuntimeDefault.of(project))
                .role(role != null || resolvedTarget.isAws() ? role : EMULATOR_ROLE)
                .description(description)
                .memorySize(memorySize)
                .timeout(timeout)
                .ephemeralStorage(ephemeralStorage)
                .architecture(architecture)
                .environment(new Environment(plain, resolvedSecrets))
                .kmsKeyArn(kmsKeyArn)
                .layers(ReactorLayers.resolve(layers, session, dryRun))
                .tags(tags)
                .vpc(vpc == null ? null : vpc.toSpec())
                .tracingMode(tracingMode)
                .reservedConcurrency(reservedConcurrency)
                .logging(logging == null ? null : logging.toSpec())
                .build();
    }

    @Override
    protected Collection<String> secretValues() {
        return resolvedSecrets.values().stream().map(SecretValue::reveal).toList();
    }

    /** The handler package-function checked, when {@code <handler>} is not set (it may have found it itself). */
    private String recordedHandler() {
        try {
            return FunctionRecord.read(LayerModules.workDirectory(project)).map(FunctionRecord::handler).orElse(null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The zip package-function wrote. */
    protected Path functionZip() {
        return Path.of(project.getBuild().getDirectory(), project.getBuild().getFinalName() + "-lambda.zip");
    }

    /** Fails naming the fix when package-function has not run. */
    protected static void requireZip(FunctionSpec spec) {
        if (!Files.isRegularFile(spec.code())) {
            throw new InvalidSpecException("functionName", spec.functionName(), "no deployment zip "
                    + spec.code() + ": run the package phase first (mvn package lambda:publish-version), with"
                    + " lambda:package-function bound in the pom");
        }
    }

    /** The project version and the commit, written on each published version. */
    protected String versionDescription() {
        String text = project.getVersion() + GitCommit.find(project.getBasedir().toPath(), System.getenv())
                .map(c -> " (" + c + ")").orElse("");
        return text.length() > 256 ? text.substring(0, 256) : text;
    }
}
