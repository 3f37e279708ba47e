package dev.lambdamaven.emulator.lambda;

import dev.lambdamaven.emulator.EmulatorOptions;
import dev.lambdamaven.emulator.ec2.VpcCatalog;
import dev.lambdamaven.emulator.s3.S3Store;
import dev.lambdamaven.emulator.store.AliasStore;
import dev.lambdamaven.emulator.store.BlobCollector;
import dev.lambdamaven.emulator.store.BlobStore;
import dev.lambdamaven.emulator.store.Database;
import dev.lambdamaven.emulator.store.FunctionStore;
import dev.lambdamaven.emulator.store.LayerStore;
import dev.lambdamaven.emulator.store.SecretBox;
import dev.lambdamaven.emulator.store.TagStore;
import java.net.URI;
import java.util.function.Supplier;

/**
 * What the Lambda handlers share: options, ARNs, the database and its table stores, blobs and their collector
 * and the key.
 */
public record LambdaContext(
        EmulatorOptions options,
        Arns arns,
        Database db,
        BlobStore blobs,
        BlobCollector collector,
        SecretBox secrets,
        FunctionStore functions,
        AliasStore aliases,
        TagStore tags,
        LayerStore layers,
        S3Store s3,
        VpcCatalog vpc,
        Supplier<URI> endpoint) {

    public long now() {
        return System.currentTimeMillis();
    }
}
