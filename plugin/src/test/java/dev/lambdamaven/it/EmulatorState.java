package dev.lambdamaven.it;

import dev.lambdamaven.emulator.EndpointFile;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;

/**
 * What the integration builds left in the emulator they deployed to, read as a user reads it: through the Lambda
 * API (SDK v2) of that running emulator, found through its {@code endpoint.json}. The invoker ITs'
 * {@code verify.groovy} scripts use it; the emulator is the foreground one {@code dev.lambdamaven.plugin.ItEmulator}
 * starts for them (its state directory is the scripts' {@code emulatorHome}).
 */
public final class EmulatorState implements AutoCloseable {

    private final LambdaClient lambda;

    private EmulatorState(URI endpoint) {
        this.lambda = LambdaClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("it", "it")))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }

    /** A client of the emulator serving {@code stateDirectory}; fails naming the directory if none answers. */
    public static EmulatorState open(File stateDirectory) throws java.io.IOException {
        Path dir = stateDirectory.toPath().toRealPath();
        URI endpoint = EndpointFile.read(dir).filter(uri -> EndpointFile.serves(uri, dir)).orElseThrow(() ->
                new IllegalStateException("no emulator answers for " + dir + ": the ITs' emulator (started in"
                        + " pre-integration-test, log target/it-emulator.log) is not running"));
        return new EmulatorState(endpoint);
    }

    public LambdaClient lambda() {
        return lambda;
    }

    /** Published version numbers of a function, oldest first ($LATEST left out). */
    public List<String> versions(String function) {
        return lambda.listVersionsByFunctionPaginator(b -> b.functionName(function)).versions().stream()
                .map(FunctionConfiguration::version).filter(v -> !"$LATEST".equals(v)).toList();
    }

    public GetFunctionConfigurationResponse configuration(String function, String qualifier) {
        return lambda.getFunctionConfiguration(b -> b.functionName(function).qualifier(qualifier));
    }

    public GetAliasResponse alias(String function, String alias) {
        return lambda.getAlias(b -> b.functionName(function).name(alias));
    }

    /** The alias's weighted extra version and its weight; empty when all traffic goes to the primary version. */
    public Map<String, Double> aliasWeights(String function, String alias) {
        GetAliasResponse configuration = alias(function, alias);
        return configuration.routingConfig() == null ? Map.of()
                : configuration.routingConfig().additionalVersionWeights();
    }

    public List<Long> layerVersions(String layer) {
        return lambda.listLayerVersions(b -> b.layerName(layer)).layerVersions().stream()
                .map(LayerVersionsListItem::version).sorted().toList();
    }

    @Override
    public void close() {
        lambda.close();
    }
}
