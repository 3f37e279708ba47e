package dev.lambdamaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdamaven.deploy.CodeHash;
import dev.lambdamaven.deploy.DeployPeer;
import dev.lambdamaven.packaging.FunctionRecord;
import dev.lambdamaven.packaging.LayerDescriptor;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

/**
 * The goals as Maven runs them (harness-configured Mojos), deploying through {@code endpoint}: deployment.json, the
 * alias, no-change redeploys, and a settings.xml secret that appears in no log line. The scenarios run in order
 * against the project's own emulator ({@link DeployGoalsEmulatorTest}) and against {@code moto_server}
 * ({@link DeployGoalsMotoTest}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DeployGoalsScenarios {

    private static final String SECRET = "pa55-from-settings";
    private static final String POM = "<project><build><plugins><plugin>"
            + "<groupId>dev.lambdamaven</groupId><artifactId>lambda-maven-plugin</artifactId><configuration>"
            + "<functionName>goals-fn</functionName><handler>com.acme.Handler::handleRequest</handler>"
            + "<runtime>java21</runtime><role>" + DeployPeer.ROLE_ARN + "</role>"
            + "<environment><MODE>prod</MODE></environment>"
            + "<secrets><secret><name>DB_PASSWORD</name><source>settings:prod-db</source></secret></secrets>"
            + "</configuration></plugin></plugins></build></project>";

    private static DeployPeer peer;
    private static Path build;

    private final RecordingMavenLog log = new RecordingMavenLog();

    /** Called by each subclass's {@code @BeforeAll} with the server its scenarios run against. */
    static void deployTo(DeployPeer server) throws Exception {
        peer = server;
        build = Files.createTempDirectory("goals");
        for (String zipName : List.of("goals-1.0-lambda.zip", "goals-1.0-layer.zip")) {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(build.resolve(zipName)))) {
                zip.putNextEntry(new ZipEntry(zipName.contains("layer") ? "java/lib/libs.jar" : "com/acme/Handler.class"));
                zip.write(new byte[] {1, 2, 3});
            }
        }
        // what package-function and package-layer record for the deploy goals
        Path function = build.resolve("goals-1.0-lambda.zip");
        new FunctionRecord(function, "java21", null, CodeHash.of(function)).write(build.resolve("lambda"));
        Path layer = build.resolve("goals-1.0-layer.zip");
        new LayerDescriptor("goals-libs", layer, CodeHash.of(layer), List.of("com.acme:libs"), "libs", "MIT",
                List.of("java21", "java17"), List.of("arm64")).write(build.resolve("lambda"));
    }

    @AfterAll
    static void stopPeer() throws Exception {
        if (peer != null) {
            peer.close();
            peer = null;
        }
    }

    @Provides
    MavenProject project() {
        MavenProject project = new MavenProject();
        project.setArtifactId("goals");
        project.setVersion("1.0");
        project.setFile(new File(MojoExtension.getBasedir(), "pom.xml"));
        Build b = new Build();
        b.setDirectory(build.toString());
        b.setFinalName("goals-1.0");
        project.setBuild(b);
        return project;
    }

    private <M extends Mojo> M configured(M mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "endpoint", peer.endpoint().toString());
        Settings settings = new Settings();
        Server server = new Server();
        server.setId("prod-db");
        server.setPassword(SECRET);
        settings.addServer(server);
        if (mojo instanceof AbstractFunctionMojo) {
            MojoExtension.setVariableValueToObject(mojo, "settings", settings);
        }
        mojo.setLog(log);
        return mojo;
    }

    @Test
    @Order(1)
    @InjectMojo(goal = "publish-version", pom = POM)
    void publishCreatesVersionOne(PublishVersionMojo publish) throws Exception {
        configured(publish).execute();

        assertThat(Files.readString(build.resolve("lambda/deployment.json"))).contains("\"version\" : \"1\"")
                .doesNotContain(SECRET);
        assertThat(log.text()).contains("Published goals-fn version 1", "environment.DB_PASSWORD: (none) -> ****")
                .doesNotContain(SECRET);
    }

    @Test
    @Order(2)
    @InjectMojo(goal = "update-alias", pom = POM)
    void updateAliasPointsAtTheRecordedVersion(UpdateAliasMojo alias) throws Exception {
        configured(alias).execute();

        assertThat(Files.readString(build.resolve("lambda/deployment.json")))
                .contains("\"functionVersion\" : \"1\"", "\"name\" : \"live\"");
        assertThat(log.text()).contains("Alias live -> 1");
    }

    @Test
    @Order(3)
    @InjectMojo(goal = "publish-version", pom = POM)
    void anUnchangedRedeployPublishesNothing(PublishVersionMojo publish) throws Exception {
        configured(publish).execute();

        assertThat(log.text()).contains("No change: goals-fn stays at version 1, nothing published")
                .doesNotContain(SECRET);
    }

    @Test
    @Order(4)
    @InjectMojo(goal = "plan", pom = POM)
    void planWithFailOnChangeFailsWithoutChanging(PlanMojo plan) throws Exception {
        configured(plan);
        MojoExtension.setVariableValueToObject(plan, "functionName", "planned-fn");
        MojoExtension.setVariableValueToObject(plan, "failOnChange", true);

        assertThatThrownBy(plan::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("lambda.failOnChange").hasMessageNotContaining(SECRET);
        assertThat(log.text()).contains("Function planned-fn: create").doesNotContain(SECRET);
    }

    @Test
    @Order(5)
    @InjectMojo(goal = "publish-layer", pom = "<project><build><plugins><plugin>"
            + "<groupId>dev.lambdamaven</groupId><artifactId>lambda-maven-plugin</artifactId><configuration>"
            + "<layerPermissions><p>*</p></layerPermissions>"
            + "</configuration></plugin></plugins></build></project>")
    void publishLayerBindsItsParametersAndPublishesOnce(PublishLayerMojo layer) throws Exception {
        configured(layer).execute();
        configured(layer).execute();

        assertThat(Files.readString(build.resolve("lambda/deployment.json")))
                .contains("\"layerVersionArn\" : \"arn:aws:lambda:us-east-1:123456789012:layer:goals-libs:1\"");
        assertThat(log.text()).contains("Published layer arn:aws:lambda:us-east-1:123456789012:layer:goals-libs:1",
                "shared with every account", "No change: layer stays at");
    }
}
