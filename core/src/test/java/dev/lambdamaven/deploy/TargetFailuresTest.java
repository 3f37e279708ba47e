package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.Target;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * AWS failures name the fix in one line, the SDK's details go to the debug log. The missing region and the
 * missing credentials are the SDK's own exceptions, raised on this machine with every source of the default
 * chains emptied (nothing is sent anywhere: the endpoint refuses connections); the service errors carry AWS's
 * recorded texts.
 */
class TargetFailuresTest {

    private static final Map<String, String> EMPTIED = Map.of("aws.configFile", "config", "aws.sharedCredentialsFile",
            "credentials", "aws.disableEc2Metadata", "true");

    @TempDir
    Path home;

    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void noAwsSettings() throws Exception {
        for (String variable : List.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_PROFILE",
                "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            assumeTrue(System.getenv(variable) == null, variable + " is set in this environment");
        }
        for (Map.Entry<String, String> p : EMPTIED.entrySet()) {
            Path file = home.resolve(p.getValue());
            Files.writeString(file, "");
            System.setProperty(p.getKey(), p.getKey().endsWith("Metadata") ? p.getValue() : file.toString());
        }
    }

    @AfterEach
    void restore() {
        EMPTIED.keySet().forEach(System::clearProperty);
    }

    @Test
    void noRegionNamesTheWaysToSetOne() {
        assertThatThrownBy(() -> new Deployer(new Target(Target.Kind.AWS, null, null, null), log))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("<region>: no AWS region for -Dlambda.target=aws: set -Dlambda.region=<region> (or <region>"
                        + " in the pom), the AWS_REGION environment variable, or a region in the profile (~/.aws/config)");
        assertThat(log.text()).contains("DEBUG The AWS SDK reported: ", "Unable to load region");
    }

    @Test
    void noCredentialsNamesProfileSsoAndTheEnvironment() {
        Target aws = new Target(Target.Kind.AWS, URI.create("http://127.0.0.1:9"), "eu-west-1", null);
        try (Deployer deployer = new Deployer(aws, log)) {
            assertThatThrownBy(() -> deployer.invoke("orders", null, new byte[0]))
                    .isInstanceOf(DeployRefusedException.class)
                    .hasMessage("No AWS credentials for -Dlambda.target=aws: use -Dlambda.profile=<profile> (after aws sso"
                            + " login for an SSO profile), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or"
                            + " AWS_PROFILE); in CI, give the job a role (OIDC)");
        }
        assertThat(log.text()).contains("Unable to load credentials from any of the providers in the chain");
    }

    @Test
    void aProfileWithoutCredentialsIsNamed() {
        Target aws = new Target(Target.Kind.AWS, URI.create("http://127.0.0.1:9"), "eu-west-1", "ci");
        try (Deployer deployer = new Deployer(aws, log)) {
            assertThatThrownBy(() -> deployer.invoke("orders", null, new byte[0]))
                    .isInstanceOf(DeployRefusedException.class)
                    .hasMessageStartingWith("No AWS credentials for -Dlambda.target=aws (profile ci): ");
        }
    }

    private static LambdaException service(int status, String code, String message) {
        return (LambdaException) LambdaException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    private RuntimeException translate(LambdaException e) {
        return TargetFailures.translate(e, new Target(Target.Kind.AWS, null, "us-west-2", "prod"), List.of(), log);
    }

    @Test
    void aDeniedPermissionKeepsAwsTextAndSaysWhatToGrant() {
        // as the AWS CLI printed it for GetFunction (recorded in a flaws.cloud level 6 write-up)
        String denied = "User: arn:aws:iam::975426262029:user/Level6 is not authorized to perform: lambda:GetFunction on"
                + " resource: arn:aws:lambda:us-west-2:975426262029:function:Level6 because no identity-based policy"
                + " allows the lambda:GetFunction action";

        assertThat(translate(service(403, "AccessDeniedException", denied))).isInstanceOf(DeployRefusedException.class)
                .hasMessage("AWS denied the request: " + denied + " Grant that permission to the identity the build"
                        + " runs as (its IAM role or user).");
    }

    @Test
    void expiredAndInvalidCredentialsSayHowToRefreshThem() {
        assertThat(translate(service(403, "ExpiredTokenException", "The security token included in the request is expired")))
                .hasMessage("AWS rejected the credentials: they have expired. Refresh them: aws sso login --profile prod,"
                        + " or new session credentials in the environment");
        assertThat(translate(service(403, "UnrecognizedClientException",
                "The security token included in the request is invalid."))).hasMessageStartingWith(
                "AWS rejected the credentials (UnrecognizedClientException): check AWS_ACCESS_KEY_ID and");
    }

    @Test
    void anyOtherServiceErrorIsOneLineWithItsCodeAndMasksSecrets() {
        RuntimeException e = TargetFailures.translate(service(400, "InvalidParameterValueException",
                "Value s3cr3t at 'environment' failed"), new Target(Target.Kind.AWS, null, "eu-west-1", null),
                List.of("s3cr3t"), log);

        assertThat(e).isInstanceOf(DeployException.class).hasMessage("AWS rejected the request"
                + " (InvalidParameterValueException, HTTP 400): Value **** at 'environment' failed").hasNoCause();
        assertThat(log.text()).doesNotContain("s3cr3t");
    }
}
