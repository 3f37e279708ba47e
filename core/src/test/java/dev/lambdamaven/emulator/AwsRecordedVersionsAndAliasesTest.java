package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.AwsAnswers.ARN;
import static dev.lambdamaven.emulator.AwsAnswers.answers;
import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * PublishVersion, ListVersionsByFunction and the alias operations against AWS's answers recorded in LocalStack's
 * test_lambda_api.snapshot.json (TestLambdaVersions, TestLambdaAlias, TestLambdaRevisions; the test is named at each
 * case).
 */
class AwsRecordedVersionsAndAliasesTest extends EmulatorTestBase {

    private static final byte[] CODE = zip("index.py", "def handler(event, context):\n    return event\n");
    private static final String STALE_REVISION = "The Revision Id provided does not match the latest Revision Id."
            + " Call the GetFunction/GetAlias API to retrieve the latest Revision Id";

    // test_publish_version_on_create
    @Test
    void createWithPublishAnswersTheFunctionAndTheNewVersion() {
        var created = lambda.createFunction(createRequest("on-create", CODE).publish(true).build());
        assertThat(created.functionArn()).isEqualTo(ARN + "on-create");
        assertThat(created.version()).isEqualTo("1");
        assertThat(lambda.getFunction(b -> b.functionName("on-create")).configuration().functionArn())
                .isEqualTo(ARN + "on-create");
        var latest = lambda.getFunction(b -> b.functionName("on-create").qualifier("$LATEST")).configuration();
        assertThat(latest.functionArn()).isEqualTo(ARN + "on-create:$LATEST");
        assertThat(latest.version()).isEqualTo("$LATEST");
        var version = lambda.getFunction(b -> b.functionName("on-create").qualifier("1")).configuration();
        assertThat(version.functionArn()).isEqualTo(ARN + "on-create:1");

        var versions = lambda.listVersionsByFunction(b -> b.functionName("on-create")).versions();
        assertThat(versions).extracting(FunctionConfiguration::functionArn)
                .containsExactly(ARN + "on-create:$LATEST", ARN + "on-create:1");
        assertThat(versions).allSatisfy(v -> {
            assertThat(v.state()).isNull();
            assertThat(v.lastUpdateStatus()).isNull();
            assertThat(v.runtimeVersionConfig()).isNull();
        });
        assertThat(versions.get(0).revisionId()).isEqualTo(latest.revisionId());
        var again = lambda.publishVersion(b -> b.functionName("on-create"));
        assertThat(again.version()).isEqualTo("1");
        assertThat(again.revisionId()).isEqualTo(version.revisionId());
    }

    // test_version_lifecycle
    @Test
    void publishedVersionsKeepTheirConfigurationAndAreActiveAtOnce() {
        lambda.createFunction(createRequest("lifecycle", CODE).description("No version :(").build());
        lambda.updateFunctionConfiguration(b -> b.functionName("lifecycle").description("First version :)"));
        var first = lambda.publishVersion(b -> b.functionName("lifecycle").description("First version description :)"));
        assertThat(first.functionArn()).isEqualTo(ARN + "lifecycle:1");
        assertThat(first.description()).isEqualTo("First version description :)");
        assertThat(first.state()).isEqualTo(State.ACTIVE);
        assertThat(first.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("lifecycle").qualifier("1")).revisionId())
                .isEqualTo(first.revisionId());

        lambda.updateFunctionConfiguration(b -> b.functionName("lifecycle").description("Second version :))"));
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("lifecycle:1")).description())
                .isEqualTo("First version description :)");
        var second = lambda.publishVersion(b -> b.functionName("lifecycle"));
        assertThat(second.version()).isEqualTo("2");
        assertThat(second.description()).isEqualTo("Second version :))");
        var third = lambda.publishVersion(b -> b.functionName("lifecycle"));
        assertThat(third.version()).isEqualTo("2");
        assertThat(third.revisionId()).isEqualTo(second.revisionId());

        lambda.deleteFunction(b -> b.functionName("lifecycle").qualifier("1"));
        assertThat(lambda.listVersionsByFunction(b -> b.functionName("lifecycle")).versions())
                .extracting(FunctionConfiguration::functionArn)
                .containsExactly(ARN + "lifecycle:$LATEST", ARN + "lifecycle:2");
    }

    // test_publish_with_wrong_revisionid, test_publish_with_wrong_sha256
    @Test
    void publishChecksRevisionAndCodeSha() {
        var created = lambda.createFunction(createRequest("checked", CODE).build());
        answers(() -> lambda.publishVersion(b -> b.functionName("checked").revisionId("wrong")), 412,
                "PreconditionFailedException", STALE_REVISION);
        answers(() -> lambda.publishVersion(b -> b.functionName("checked").codeSha256("somenonexistentsha256")), 400,
                "InvalidParameterValueException", "CodeSHA256 (somenonexistentsha256) is different from current"
                        + " CodeSHA256 in $LATEST (" + created.codeSha256() + "). Please try again with the CodeSHA256"
                        + " in $LATEST.");
        String revision = lambda.getFunctionConfiguration(b -> b.functionName("checked")).revisionId();
        assertThat(lambda.publishVersion(b -> b.functionName("checked").revisionId(revision)
                .codeSha256(created.codeSha256())).version()).isEqualTo("1");
    }

    // test_publish_with_update: the version UpdateFunctionCode publishes is Pending while $LATEST updates
    @Test
    void aVersionPublishedByACodeUpdateIsPendingUntilTheUpdateEnds() throws Exception {
        try (Emulator slow = withDelays(Duration.ZERO, Duration.ofSeconds(30));
                var client = EmulatorFixture.lambda(slow)) {
            client.createFunction(createRequest("with-update", CODE).build());
            var published = client.updateFunctionCode(b -> b.functionName("with-update").publish(true)
                    .zipFile(SdkBytes.fromByteArray(zip("index.py", "# 2"))));
            assertThat(published.functionArn()).isEqualTo(ARN + "with-update:1");
            assertThat(published.version()).isEqualTo("1");
            assertThat(published.state()).isEqualTo(State.PENDING);
            assertThat(published.stateReason()).isEqualTo("The function is being created.");
            assertThat(published.stateReasonCodeAsString()).isEqualTo("Creating");
            assertThat(published.lastUpdateStatus()).isNull();
            var version = client.getFunction(b -> b.functionName("with-update").qualifier("1")).configuration();
            assertThat(version.state()).isEqualTo(State.PENDING);
            assertThat(version.revisionId()).isEqualTo(published.revisionId());
            var latest = client.getFunction(b -> b.functionName("with-update").qualifier("$LATEST")).configuration();
            assertThat(latest.functionArn()).isEqualTo(ARN + "with-update:$LATEST");
            assertThat(latest.state()).isEqualTo(State.ACTIVE);
            assertThat(latest.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        }
    }

    private void twoVersions(String name) {
        lambda.createFunction(createRequest(name, CODE).environment(e -> e.variables(Map.of("testenv", "staging")))
                .build());
        lambda.publishVersion(b -> b.functionName(name));
        lambda.updateFunctionConfiguration(b -> b.functionName(name)
                .environment(e -> e.variables(Map.of("testenv", "prod"))));
        lambda.publishVersion(b -> b.functionName(name));
    }

    private static AliasRoutingConfiguration weights(String version, double weight) {
        return AliasRoutingConfiguration.builder().additionalVersionWeights(Map.of(version, weight)).build();
    }

    // test_alias_lifecycle
    @Test
    void aliasesAreCreatedReadListedUpdatedAndDeleted() {
        twoVersions("aliased");
        var created = lambda.createAlias(b -> b.functionName("aliased").name("aliasname1_1").functionVersion("1")
                .description("custom-alias").routingConfig(weights("2", 0.2)));
        assertThat(created.aliasArn()).isEqualTo(ARN + "aliased:aliasname1_1");
        assertThat(created.routingConfig().additionalVersionWeights()).isEqualTo(Map.of("2", 0.2));
        assertThat(lambda.getAlias(b -> b.functionName("aliased").name("aliasname1_1")).revisionId())
                .isEqualTo(created.revisionId());
        // GetFunction through an alias names the alias, and shows the version it points at
        for (String name : new String[] {"aliased:aliasname1_1", ARN + "aliased:aliasname1_1"}) {
            var byAlias = lambda.getFunction(b -> b.functionName(name)).configuration();
            assertThat(byAlias.functionArn()).isEqualTo(ARN + "aliased:aliasname1_1");
            assertThat(byAlias.version()).isEqualTo("1");
            assertThat(byAlias.environment().variables()).containsEntry("testenv", "staging");
        }
        answers(() -> lambda.getFunction(b -> b.functionName("aliased").qualifier("aliasdoesnotexist")), 404,
                "ResourceNotFoundException", "Function not found: " + ARN + "aliased:aliasdoesnotexist");
        answers(() -> lambda.getFunction(b -> b.functionName(ARN + "aliased:aliasdoesnotexist")), 404,
                "ResourceNotFoundException", "Function not found: " + ARN + "aliased:aliasdoesnotexist");
        var withoutDescription = lambda.createAlias(b -> b.functionName("aliased").name("aliasname1_3")
                .functionVersion("1"));
        assertThat(withoutDescription.description()).isEmpty();
        assertThat(withoutDescription.routingConfig()).isNull();
        lambda.createAlias(b -> b.functionName("aliased").name("aliasname2").functionVersion("2"));

        var updated = lambda.updateAlias(b -> b.functionName("aliased").name("aliasname1_1")
                .routingConfig(AliasRoutingConfiguration.builder().additionalVersionWeights(Map.of()).build()));
        assertThat(updated.revisionId()).isNotEqualTo(created.revisionId());
        assertThat(updated.routingConfig()).isNull();
        assertThat(updated.description()).isEqualTo("custom-alias");
        assertThat(lambda.listAliases(b -> b.functionName("aliased").functionVersion("1")).aliases())
                .extracting(AliasConfiguration::name).containsExactly("aliasname1_1", "aliasname1_3");
        lambda.deleteAlias(b -> b.functionName("aliased").name("aliasname1_1"));
        assertThat(lambda.listAliases(b -> b.functionName("aliased")).aliases()).extracting(AliasConfiguration::name)
                .containsExactly("aliasname1_3", "aliasname2");
    }

    // test_notfound_and_invalid_routingconfigs
    @Test
    void routingConfigurationsAreCheckedAsAwsChecksThem() {
        twoVersions("routed");
        answers(() -> lambda.createAlias(b -> b.functionName("routed").name("custom").functionVersion("1")
                        .routingConfig(AliasRoutingConfiguration.builder()
                                .additionalVersionWeights(Map.of("1", 0.8, "2", 0.2)).build())), 400,
                "InvalidParameterValueException", "Number of items in AdditionalVersionWeights cannot be greater than 1");
        String weightRule = "failed to satisfy constraint: Map value must satisfy constraint: [Member must have value"
                + " less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be"
                + " null]";
        answers(() -> lambda.createAlias(b -> b.functionName("routed").name("custom").functionVersion("1")
                .routingConfig(weights("2", 2))), 400, "ValidationException", "1 validation error detected: Value"
                        + " '{2=2.0}' at 'routingConfig.additionalVersionWeights' " + weightRule);
        answers(() -> lambda.createAlias(b -> b.functionName("routed").name("custom").functionVersion("1")
                .routingConfig(weights("2", -1))), 400, "ValidationException", "1 validation error detected: Value"
                        + " '{2=-1.0}' at 'routingConfig.additionalVersionWeights' " + weightRule);
        answers(() -> lambda.createAlias(b -> b.functionName("routed").name("custom").functionVersion("1")
                .routingConfig(weights("1", 0.5))), 400, "InvalidParameterValueException", "Invalid function version"
                        + " 1. Function version 1 is already included in routing configuration.");
        answers(() -> lambda.createAlias(b -> b.functionName("routed").name("custom").functionVersion("10")
                .routingConfig(weights("2", 0.5))), 404, "ResourceNotFoundException", "Function not found: " + ARN
                        + "routed:10");
        answers(() -> lambda.createAlias(b -> b.functionName("routed").name("custom").functionVersion("1")
                .routingConfig(weights("10", 0.5))), 404, "ResourceNotFoundException", "Function not found: " + ARN
                        + "routed:10");
        answers(() -> lambda.createAlias(b -> b.functionName("routed").name("custom").functionVersion("$LATEST")
                .routingConfig(weights("1", 0.5))), 400, "InvalidParameterValueException", "$LATEST is not supported"
                        + " for an alias pointing to more than 1 version");
        answers(() -> lambda.createAlias(b -> b.functionName("routed").name("custom").functionVersion("1")
                .routingConfig(weights("$LATEST", 0.5))), 400, "ValidationException", "1 validation error detected:"
                        + " Value '{$LATEST=0.5}' at 'routingConfig.additionalVersionWeights' failed to satisfy"
                        + " constraint: Map keys must satisfy constraint: [Member must have length less than or equal"
                        + " to 1024, Member must have length greater than or equal to 1, Member must satisfy regular"
                        + " expression pattern: [0-9]+]");
        assertThat(lambda.createAlias(b -> b.functionName("routed").name("custom-latest").functionVersion("$LATEST"))
                .functionVersion()).isEqualTo("$LATEST");
        answers(() -> lambda.createAlias(b -> b.functionName("routed-unknown").name("custom").functionVersion("1")
                .routingConfig(weights("2", 0.5))), 404, "ResourceNotFoundException", "Function not found: " + ARN
                        + "routed-unknown:1");
        assertThat(lambda.createAlias(b -> b.functionName("routed").name("custom-empty-routingconfig")
                .functionVersion("1").routingConfig(AliasRoutingConfiguration.builder()
                        .additionalVersionWeights(Map.of()).build())).routingConfig()).isNull();
        assertThat(lambda.createAlias(b -> b.functionName("routed").name("custom").functionVersion("1")
                .routingConfig(weights("2", 0.5))).routingConfig().additionalVersionWeights())
                .isEqualTo(Map.of("2", 0.5));
        answers(() -> lambda.createAlias(b -> b.functionName("routed").name("custom").functionVersion("1")
                .routingConfig(weights("2", 0.5))), 409, "ResourceConflictException", "Alias already exists: " + ARN
                        + "routed:custom");
        answers(() -> lambda.getAlias(b -> b.functionName("routed").name("non-existent")), 404,
                "ResourceNotFoundException", "Cannot find alias arn: " + ARN + "routed:non-existent");
    }

    // test_alias_naming, test_non_existent_alias_deletion, test_non_existent_alias_update
    @Test
    void aliasNamesAndMissingAliases() {
        lambda.createFunction(createRequest("named", CODE).build());
        lambda.publishVersion(b -> b.functionName("named"));
        assertThat(lambda.createAlias(b -> b.functionName("named").name("2024-01-02").functionVersion("1")
                .description("custom-alias")).aliasArn()).isEqualTo(ARN + "named:2024-01-02");
        answers(() -> lambda.createAlias(b -> b.functionName("named").name("2024").functionVersion("1")), 400,
                "ValidationException", "1 validation error detected: Value '2024' at 'name' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
        lambda.deleteAlias(b -> b.functionName("named").name("non-existent"));
        answers(() -> lambda.updateAlias(b -> b.functionName("named").name("non-existent").description("x")), 404,
                "ResourceNotFoundException", "Alias not found: " + ARN + "named:non-existent");
    }

    // TestLambdaRevisions::test_function_revisions_basic, test_function_revisions_version_and_alias
    @Test
    void revisionsMoveOnWithEveryChangeAndAStaleOneIsRefused() {
        lambda.createFunction(createRequest("revisions", CODE).build());
        String rev2 = lambda.getFunction(b -> b.functionName("revisions")).configuration().revisionId();
        answers(() -> lambda.updateFunctionCode(b -> b.functionName("revisions").revisionId("wrong")
                .zipFile(SdkBytes.fromByteArray(zip("a", "2")))), 412, "PreconditionFailedException", STALE_REVISION);
        lambda.updateFunctionCode(b -> b.functionName("revisions").revisionId(rev2)
                .zipFile(SdkBytes.fromByteArray(zip("a", "2"))));
        String rev4 = lambda.getFunction(b -> b.functionName("revisions")).configuration().revisionId();
        assertThat(rev4).isNotEqualTo(rev2);
        answers(() -> lambda.updateFunctionConfiguration(b -> b.functionName("revisions").revisionId(rev2)
                .runtime("python3.8")), 412, "PreconditionFailedException", STALE_REVISION);
        assertThat(lambda.updateFunctionConfiguration(b -> b.functionName("revisions").revisionId(rev4)
                .runtime("python3.8")).runtimeAsString()).isEqualTo("python3.8");

        String latest = lambda.getFunction(b -> b.functionName("revisions")).configuration().revisionId();
        answers(() -> lambda.publishVersion(b -> b.functionName("revisions").revisionId("wrong")), 412,
                "PreconditionFailedException", STALE_REVISION);
        var version = lambda.publishVersion(b -> b.functionName("revisions").revisionId(latest));
        assertThat(lambda.getFunction(b -> b.functionName("revisions:1")).configuration().revisionId())
                .isEqualTo(version.revisionId());
        String afterPublish = lambda.getFunction(b -> b.functionName("revisions")).configuration().revisionId();
        assertThat(afterPublish).as("publishing changes $LATEST's revision").isNotEqualTo(latest);
        var alias = lambda.createAlias(b -> b.functionName("revisions").name("revision_alias").functionVersion("1"));
        assertThat(lambda.getFunction(b -> b.functionName("revisions")).configuration().revisionId())
                .as("an alias does not").isEqualTo(afterPublish);
        answers(() -> lambda.updateAlias(b -> b.functionName("revisions").name("revision_alias").revisionId("wrong")
                .description("something changed")), 412, "PreconditionFailedException", STALE_REVISION);
        assertThat(lambda.updateAlias(b -> b.functionName("revisions").name("revision_alias")
                .revisionId(alias.revisionId()).description("something changed")).revisionId())
                .isNotEqualTo(alias.revisionId());
    }
}
