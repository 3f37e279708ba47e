package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

class LayerApiTest extends EmulatorTestBase {




    private PublishLayerVersionResponse publish(String name, String content) {
        return lambda.publishLayerVersion(b -> b.layerName(name).compatibleRuntimes(Runtime.JAVA21)
                .compatibleArchitectures(Architecture.X86_64)
                .content(c -> c.zipFile(SdkBytes.fromByteArray(zip("java/lib/a.jar", content)))));
    }

    @Test
    void publishesGetsListsAndDeletesLayerVersionsWithoutReusingNumbers() {
        var v1 = publish("deps", "1");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.layerArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:layer:deps");
        assertThat(v1.layerVersionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:layer:deps:1");
        var v2 = publish("deps", "2");
        assertThat(lambda.getLayerVersion(b -> b.layerName("deps").versionNumber(2L)).content().codeSha256())
                .isEqualTo(v2.content().codeSha256());
        assertThat(lambda.getLayerVersionByArn(b -> b.arn(v1.layerVersionArn())).version()).isEqualTo(1);
        assertThat(lambda.listLayerVersions(b -> b.layerName("deps")).layerVersions())
                .extracting(v -> v.version()).containsExactly(2L, 1L);
        assertThat(lambda.listLayers(b -> b.compatibleRuntime(Runtime.JAVA21)).layers())
                .extracting(l -> l.latestMatchingVersion().version()).containsExactly(2L);
        lambda.deleteLayerVersion(b -> b.layerName("deps").versionNumber(2L));
        assertThatThrownBy(() -> lambda.getLayerVersion(b -> b.layerName("deps").versionNumber(2L)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(publish("deps", "3").version()).isEqualTo(3);
    }

    @Test
    void functionsReferenceAtMostFiveExistingLayersOneVersionEach() {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            arns.add(publish("l" + i, "x").layerVersionArn());
        }
        var created = lambda.createFunction(createRequest("fn", zip("a", "b")).layers(arns.subList(0, 5)).build());
        assertThat(created.layers()).hasSize(5);
        assertThat(created.layers().get(0).codeSize()).isPositive();
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(b -> b.functionName("fn").layers(arns)))
                // AWS: LocalStack, TestLambdaLayer::test_layer_function_quota_exception
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Cannot reference more than 5 layers.");
        String missing = "arn:aws:lambda:us-east-1:123456789012:layer:l0:9";
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(b -> b.functionName("fn").layers(missing)))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    // AWS: LocalStack, TestLambdaLayer::test_layer_function_exceptions
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Layer version " + missing
                            + " does not exist.");
                });
        String second = publish("l0", "y").layerVersionArn();
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(b -> b.functionName("fn")
                // AWS: LocalStack, TestLambdaLayer::test_layer_function_exceptions
                .layers(arns.get(0), second))).hasMessageContaining("Two different versions of the same layer are not"
                        + " allowed to be referenced in the same function. " + arns.get(0) + " and " + second
                        + " are versions of the same layer.");
    }

    @Test
    void managesLayerPermissionPolicies() {
        publish("shared", "1");
        var added = lambda.addLayerVersionPermission(b -> b.layerName("shared").versionNumber(1L)
                .statementId("everyone").action("lambda:GetLayerVersion").principal("*"));
        assertThat(added.statement()).contains("\"Principal\":\"*\"").contains("lambda:GetLayerVersion");
        lambda.addLayerVersionPermission(b -> b.layerName("shared").versionNumber(1L).statementId("acct")
                .action("lambda:GetLayerVersion").principal("210987654321").revisionId(added.revisionId()));
        assertThatThrownBy(() -> lambda.addLayerVersionPermission(b -> b.layerName("shared").versionNumber(1L)
                .statementId("acct").action("lambda:GetLayerVersion").principal("*")))
                .isInstanceOf(ResourceConflictException.class);
        assertThatThrownBy(() -> lambda.addLayerVersionPermission(b -> b.layerName("shared").versionNumber(1L)
                .statementId("x").action("lambda:GetLayerVersion").principal("*").revisionId("stale")))
                .isInstanceOf(PreconditionFailedException.class);
        var policy = lambda.getLayerVersionPolicy(b -> b.layerName("shared").versionNumber(1L));
        assertThat(policy.policy()).contains("arn:aws:iam::210987654321:root").contains("\"Sid\":\"everyone\"");
        lambda.removeLayerVersionPermission(b -> b.layerName("shared").versionNumber(1L).statementId("everyone"));
        assertThat(lambda.getLayerVersionPolicy(b -> b.layerName("shared").versionNumber(1L)).policy())
                .doesNotContain("everyone");
        assertThatThrownBy(() -> lambda.removeLayerVersionPermission(b -> b.layerName("shared").versionNumber(1L)
                .statementId("everyone"))).isInstanceOf(ResourceNotFoundException.class);
    }
}
