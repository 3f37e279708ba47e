package dev.lambdamaven.emulator.lambda;

import dev.lambdamaven.emulator.ec2.VpcCatalogs;
import dev.lambdamaven.emulator.s3.S3Store;
import dev.lambdamaven.emulator.store.AliasStore;
import dev.lambdamaven.emulator.store.BlobCollector;
import dev.lambdamaven.emulator.store.BlobStore;
import dev.lambdamaven.emulator.store.CodeSigningStore;
import dev.lambdamaven.emulator.store.Database;
import dev.lambdamaven.emulator.store.EventSourceMappingStore;
import dev.lambdamaven.emulator.store.FunctionConfigStore;
import dev.lambdamaven.emulator.store.FunctionStore;
import dev.lambdamaven.emulator.store.FunctionUrlStore;
import dev.lambdamaven.emulator.store.LayerStore;
import dev.lambdamaven.emulator.store.PolicyStore;
import dev.lambdamaven.emulator.store.ProvisionedConcurrencyStore;
import dev.lambdamaven.emulator.store.SecretBox;
import dev.lambdamaven.emulator.store.TagStore;

/**
 * What the Lambda handlers share: the state delays and when operations are seen done, the database and its table stores, blobs and their collector, the key
 * and the emulated networks.
 */
public record LambdaContext(
        StateDelays delays,
        Database db,
        BlobStore blobs,
        BlobCollector collector,
        SecretBox secrets,
        FunctionStore functions,
        AliasStore aliases,
        TagStore tags,
        LayerStore layers,
        S3Store s3,
        VpcCatalogs vpc,
        CodeLinks links,
        PolicyStore policies,
        FunctionConfigStore eventInvokeConfigs,
        FunctionUrlStore urls,
        ProvisionedConcurrencyStore provisioned,
        FunctionConfigStore recursion,
        FunctionConfigStore runtimeManagement,
        CodeSigningStore codeSigning,
        EventSourceMappingStore eventSourceMappings,
        Transitions transitions) {

    public long now() {
        return System.currentTimeMillis();
    }
}
