package dev.lambdamaven.deploy;

import dev.lambdamaven.config.Target;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The SDK v2 clients for one target, the same code path for AWS and for the emulator: the emulator (and any
 * {@code endpoint}) is reached through {@code endpointOverride}. Only the {@code aws} target uses the default
 * credential and region chains; the emulator gets static dummy credentials so nothing can reach AWS by
 * accident. S3, EC2 and KMS clients are built on first use. Counts API calls (retries excluded).
 */
public final class AwsClients implements AutoCloseable {


    private final Target target;
    private final String emulatorRegion;
    private final AtomicInteger apiCalls = new AtomicInteger();
    private final LambdaClient lambda;
    private S3Client s3;
    private Ec2Client ec2;
    private KmsClient kms;

    public AwsClients(Target target) {
        if (!target.isAws() && target.endpoint() == null) {
            throw new IllegalArgumentException("the emulator target needs an endpoint");
        }
        this.target = target;
        this.emulatorRegion = target.isAws() ? null : emulatorRegion(target);
        this.lambda = configure(LambdaClient.builder()).build();
    }

    /**
     * The region of the emulator target: {@code lambda.region}, else the region of the {@code lambda.profile}
     * profile, else us-east-1. The emulator keeps state per region, so ARNs say what they would say on AWS.
     */
    private static String emulatorRegion(Target target) {
        if (target.region() != null && !target.region().isBlank()) {
            return target.region().trim();
        }
        if (target.profile() != null) {
            Optional<String> fromProfile = ProfileFile.defaultProfileFile().profile(target.profile())
                    .flatMap(p -> p.property(ProfileProperty.REGION));
            if (fromProfile.isPresent()) {
                return fromProfile.get();
            }
        }
        return Target.EMULATOR_REGION;
    }

    /** The region requests are signed for: on AWS the configured one (null: the SDK's chain decides). */
    public String region() {
        return target.isAws() ? target.region() : emulatorRegion;
    }

    public LambdaClient lambda() {
        return lambda;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = configure(S3Client.builder().forcePathStyle(target.endpoint() != null)).build();
        }
        return s3;
    }

    public synchronized Ec2Client ec2() {
        if (ec2 == null) {
            ec2 = configure(Ec2Client.builder()).build();
        }
        return ec2;
    }

    /** For secrets encrypted in transit. */
    public synchronized KmsClient kms() {
        if (kms == null) {
            kms = configure(KmsClient.builder()).build();
        }
        return kms;
    }

    /** API calls made so far through these clients. */
    public int apiCalls() {
        return apiCalls.get();
    }

    public Target target() {
        return target;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder()); // why this client: the pom
        if (target.endpoint() != null) {
            builder.endpointOverride(target.endpoint());
        }
        if (target.isAws()) {
            builder.credentialsProvider(target.profile() == null ? DefaultCredentialsProvider.builder().build()
                    : DefaultCredentialsProvider.builder().profileName(target.profile()).build());
            if (target.region() != null) {
                builder.region(Region.of(target.region()));
            }
        } else {
            // dummy credentials: nothing can reach AWS by accident; a 12-digit key id names the emulator's account
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    target.account() != null ? target.account() : "lambda-maven-plugin", "emulator")));
            builder.region(Region.of(emulatorRegion));
        }
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        apiCalls.incrementAndGet();
                    }
                })
                .build());
        return builder;
    }

    @Override
    public synchronized void close() {
        lambda.close();
        if (s3 != null) {
            s3.close();
        }
        if (ec2 != null) {
            ec2.close();
        }
        if (kms != null) {
            kms.close();
        }
    }
}
