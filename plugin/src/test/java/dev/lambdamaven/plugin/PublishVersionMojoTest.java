package dev.lambdamaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdamaven.config.AliasSettings;
import dev.lambdamaven.config.EventInvokeSpec;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.FunctionUrlSpec;
import dev.lambdamaven.config.PermissionSpec;
import dev.lambdamaven.config.RuntimeManagementSpec;
import dev.lambdamaven.config.LoggingSpec;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.config.VpcSpec;
import dev.lambdamaven.packaging.FunctionRecord;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parameter binding of publish-version: pom configuration to the spec the deployer gets. */
@MojoTest
class PublishVersionMojoTest {

    private static final String MINIMAL_POM = "<project><build><plugins><plugin>"
            + "<groupId>dev.lambdamaven</groupId><artifactId>lambda-maven-plugin</artifactId><configuration>"
            + "<functionName>orders</functionName><handler>com.acme.Orders</handler><runtime>java17</runtime>"
            + "<endpoint>http://127.0.0.1:9</endpoint>"
            + "</configuration></plugin></plugins></build></project>";

    private static final Target AWS = new Target(Target.Kind.AWS, null, "eu-west-1", null);

    private Path zip;

    /** What package-function leaves: a zip with another classifier and its record. */
    @BeforeEach
    void packaged() throws Exception {
        Path build = new File(MojoExtension.getBasedir(), "target/harness").toPath();
        zip = Files.createDirectories(build).resolve("orders-1.0.0-aws.zip");
        Files.write(zip, new byte[] {1, 2, 3});
        new FunctionRecord(zip, "java11", "com.acme.Recorded::handleRequest", "recorded=").write(build.resolve("lambda"));
    }

    @Provides
    MavenProject project() {
        MavenProject project = new MavenProject();
        project.setArtifactId("orders");
        project.setVersion("1.0.0");
        project.setFile(new File(MojoExtension.getBasedir(), "pom.xml"));
        Build build = new Build();
        build.setDirectory(new File(MojoExtension.getBasedir(), "target/harness").getPath());
        build.setFinalName("orders-1.0.0");
        project.setBuild(build);
        return project;
    }

    @Test
    @InjectMojo(goal = "publish-version", pom = "classpath:/unit/publish-version-pom.xml")
    void pomConfigurationBecomesTheFunctionSpec(PublishVersionMojo mojo) throws Exception {
        FunctionSpec spec = mojo.functionSpec(AWS);

        assertThat(spec.functionName()).isEqualTo("orders-api");
        assertThat(spec.handler()).isEqualTo("com.acme.Orders::handleRequest");
        assertThat(spec.runtime()).isEqualTo("java21");
        assertThat(spec.role()).isEqualTo("arn:aws:iam::111122223333:role/orders");
        assertThat(spec.description()).isEqualTo("Orders API");
        assertThat(spec.memorySize()).isEqualTo(1024);
        assertThat(spec.timeout()).isEqualTo(20);
        assertThat(spec.ephemeralStorage()).isEqualTo(1024);
        assertThat(spec.architecture()).isEqualTo("arm64");
        assertThat(spec.environment().plain()).containsExactlyInAnyOrderEntriesOf(Map.of("TABLE", "orders", "EMPTY", ""));
        assertThat(spec.environment().revealAll()).containsEntry("API_KEY", "s3cr3t-from-file");
        assertThat(spec.environment().toString()).doesNotContain("s3cr3t");
        assertThat(spec.layers()).containsExactly("arn:aws:lambda:us-east-1:111122223333:layer:libs:3");
        assertThat(spec.tags()).containsExactly(Map.entry("team", "orders"));
        assertThat(spec.vpc()).isEqualTo(new VpcSpec(List.of("subnet-0a0000000000000a0", "subnet-0b0000000000000b0"),
                List.of("sg-01234567"), false));
        assertThat(spec.code()).as("the zip package-function recorded, whatever its classifier").isEqualTo(zip);
        assertThat(spec.codeSha256()).isEqualTo("recorded=");
        assertThat(spec.logging()).isEqualTo(new LoggingSpec("JSON", "WARN", null, null));
        assertThat(spec.tracingMode()).isEqualTo("Active");
        assertThat(spec.reservedConcurrency()).isEqualTo(10);
        assertThat(mojo.options().s3Bucket()).isEqualTo("code-bucket");
        assertThat(mojo.options().failOnChange()).isTrue();
        assertThat(mojo.resolveTarget()).isEqualTo(AWS);
    }

    @Test
    @InjectMojo(goal = "publish-version", pom = "classpath:/unit/publish-version-pom.xml")
    @MojoParameter(name = "memorySize", value = "64")
    void aBadValueFailsNamingTheElementAndTheFix(PublishVersionMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<memorySize> = '64'").hasMessageContaining("128 to 10240");
    }

    @Test
    @InjectMojo(goal = "publish-version", pom = MINIMAL_POM)
    void defaultsFillTheRestOnTheEmulator(PublishVersionMojo mojo) throws Exception {
        FunctionSpec spec = mojo.functionSpec(new Target(Target.Kind.EMULATOR, java.net.URI.create("http://127.0.0.1:1"), null, null));

        assertThat(spec.role()).isEqualTo(AbstractFunctionMojo.EMULATOR_ROLE);
        assertThat(spec.functionName()).isEqualTo("orders");
        assertThat(spec.memorySize()).isNull();
        assertThat(spec.vpc()).isEqualTo(VpcSpec.NONE);
        assertThat(spec.code()).isEqualTo(zip);
        assertThat(spec.runtime()).as("the pom's runtime wins over the recorded one").isEqualTo("java17");
        assertThat(mojo.resolveTarget()).isEqualTo(new Target(Target.Kind.EMULATOR, java.net.URI.create("http://127.0.0.1:9"), null, null));
    }

    @Test
    @InjectMojo(goal = "publish-version", pom = MINIMAL_POM)
    void withoutAZipTheGoalFailsNamingTheFix(PublishVersionMojo mojo) throws Exception {
        Files.delete(zip); // package-function's record is there, its zip is not
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("no deployment zip").hasMessageContaining("run the package phase first");
    }

    @Test
    @InjectMojo(goal = "publish-version", pom = MINIMAL_POM)
    @MojoParameter(name = "skip", value = "true")
    void skipReturnsBeforeAnyWorkAndSaysSo(PublishVersionMojo mojo) throws Exception {
        RecordingMavenLog log = new RecordingMavenLog();
        mojo.setLog(log);

        Files.delete(zip);
        mojo.execute(); // the same configuration without skip fails on the missing zip (the test above)

        assertThat(log.lines).containsExactly("lambda:publish-version skipped (lambda.skip=true)");
    }

    private static final String TRANSIT_POM = "<project><build><plugins><plugin>"
            + "<groupId>dev.lambdamaven</groupId><artifactId>lambda-maven-plugin</artifactId><configuration>"
            + "<functionName>orders</functionName><handler>com.acme.Orders</handler><runtime>java17</runtime>"
            + "<target>aws</target><region>eu-west-1</region>"
            + "<encryptSecretsInTransit>alias/orders-secrets</encryptSecretsInTransit><secrets>"
            + "<secret><name>API_KEY</name><source>file:src/test/resources/unit/api-key.txt</source></secret>"
            + "<secret><name>OWN_KEY</name><source>file:src/test/resources/unit/api-key.txt</source>"
            + "<encryptInTransit>arn:aws:kms:eu-west-1:111122223333:alias/own</encryptInTransit></secret>"
            + "</secrets></configuration></plugin></plugins></build></project>";

    @Test
    @InjectMojo(goal = "publish-version", pom = TRANSIT_POM)
    void encryptInTransitElementsNameTheKeyOfEachSecret(PublishVersionMojo mojo) throws Exception {
        FunctionSpec spec = mojo.functionSpec(AWS);

        assertThat(spec.environment().secrets().get("API_KEY").transitKey())
                .hasToString("alias/orders-secrets");
        assertThat(spec.environment().secrets().get("OWN_KEY").transitKey())
                .hasToString("arn:aws:kms:eu-west-1:111122223333:alias/own");
        assertThat(spec.environment().revealAll()).containsEntry("API_KEY", "s3cr3t-from-file");
    }

    @Test
    @InjectMojo(goal = "publish-version", pom = TRANSIT_POM)
    @MojoParameter(name = "encryptSecretsInTransit", value = "orders-secrets")
    void aKeyNamedNeitherAsIdNorArnNorAliasFailsNamingTheElement(PublishVersionMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<encryptSecretsInTransit> = 'orders-secrets'")
                .hasMessageContaining("alias name (alias/orders-secrets)");
    }

    @Test
    @InjectMojo(goal = "publish-version", pom = "classpath:/unit/release-settings-pom.xml")
    void theReleaseSettingsBecomeTheFunctionSpec(PublishVersionMojo mojo) throws Exception {
        FunctionSpec spec = mojo.functionSpec(AWS);

        assertThat(spec.snapStart()).isEqualTo("PublishedVersions");
        assertThat(spec.deadLetterTargetArn()).isEqualTo("arn:aws:sqs:eu-west-1:111122223333:orders-dlq");
        assertThat(spec.fileSystemConfigs()).isNull();
        assertThat(spec.recursiveLoop()).isEqualTo("Allow");
        assertThat(spec.runtimeManagement()).isEqualTo(new RuntimeManagementSpec("FunctionUpdate", null));
        assertThat(spec.codeSigningConfigArn())
                .isEqualTo("arn:aws:lambda:eu-west-1:111122223333:code-signing-config:csc-0123456789abcdef0");
        assertThat(spec.authoritative()).isTrue();
        assertThat(spec.functionPermissions()).containsExactly(new PermissionSpec("s3-uploads", "s3.amazonaws.com",
                "lambda:InvokeFunction", "arn:aws:s3:::orders-uploads", "111122223333", null, false));
        AliasSettings alias = mojo.aliasSettings();
        assertThat(alias.permissions()).containsExactly(new PermissionSpec("public-url", "*",
                "lambda:InvokeFunctionUrl", null, null, "NONE", true));
        assertThat(alias.functionUrl()).isEqualTo(new FunctionUrlSpec("NONE", "RESPONSE_STREAM",
                new FunctionUrlSpec.Cors(null, null, List.of("GET", "POST"), List.of("https://www.example.com"), null,
                        300)));
        assertThat(alias.asyncInvoke()).isEqualTo(new EventInvokeSpec(1, 3600, null,
                "arn:aws:sqs:eu-west-1:111122223333:orders-failures"));
        assertThat(alias.authoritative()).isTrue();
        assertThat(alias.provisionedConcurrency()).isNull();
    }

    @Test
    @InjectMojo(goal = "publish-version", pom = "classpath:/unit/release-settings-pom.xml")
    @MojoParameter(name = "provisionedConcurrency", value = "2")
    void provisionedConcurrencyWithSnapStartFailsBeforeAnyCall(PublishVersionMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<provisionedConcurrency> = '2'").hasMessageContaining("SnapStart does not support");
    }

    @Test
    @InjectMojo(goal = "update-alias", pom = "classpath:/unit/release-settings-pom.xml")
    @MojoParameter(name = "maximumRetryAttempts", value = "5")
    void updateAliasChecksTheAliasSettingsBeforeAnyCall(UpdateAliasMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<maximumRetryAttempts> = '5'").hasMessageContaining("0 to 2");
    }

    private static final String EMPTY_PERMISSIONS_POM = "<project><build><plugins><plugin>"
            + "<groupId>dev.lambdamaven</groupId><artifactId>lambda-maven-plugin</artifactId><configuration>"
            + "<functionName>orders</functionName><handler>com.acme.Orders</handler><runtime>java17</runtime>"
            + "<permissions/></configuration></plugin></plugins></build></project>";

    @Test
    @InjectMojo(goal = "publish-version", pom = EMPTY_PERMISSIONS_POM)
    void anEmptyPermissionsElementManagesNoStatementsRatherThanNone(PublishVersionMojo mojo) throws Exception {
        FunctionSpec spec = mojo.functionSpec(AWS);
        assertThat(spec.functionPermissions()).as("<permissions/>: remove the plugin's statements").isEmpty();
    }

    @Test
    @InjectMojo(goal = "publish-version", pom = MINIMAL_POM)
    void withoutPermissionsTheyAreLeftAlone(PublishVersionMojo mojo) throws Exception {
        assertThat(mojo.functionSpec(AWS).functionPermissions()).isNull();
        assertThat(mojo.aliasSettings()).isEqualTo(new AliasSettings(null, null, null, null, false));
    }
}
