package dev.lambdamaven.it;

import dev.lambdamaven.emulator.Emulator;
import dev.lambdamaven.emulator.EmulatorOptions;
import java.io.File;
import java.io.IOException;
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
 * What an integration build left in an emulator state directory, read through the Lambda API of an
 * emulator started on that directory: the invoker ITs' {@code verify.groovy} scripts use it.
 */
public final class EmulatorState implements AutoCloseable {

    private final Emulator emulator;
    private final LambdaClient lambda;

    private EmulatorState(Emulator emulator) {
        this.emulator = emulator;
        this.lambda = LambdaClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("it", "it")))
                .build();
    }

    public static EmulatorState open(File stateDirectory) throws IOException {
        return new EmulatorState(Emulator.start(EmulatorOptions.builder().stateDir(stateDirectory.toPath()).port(0)
                .build()));
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
        emulator.close();
    }
}
