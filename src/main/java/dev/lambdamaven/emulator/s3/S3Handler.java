package dev.lambdamaven.emulator.s3;

import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Router;
import dev.lambdamaven.emulator.store.BlobStore;
import dev.lambdamaven.emulator.store.Database;

/** Minimal path-style S3. */
public final class S3Handler implements Router.Route {

    private final Database db;
    private final BlobStore blobs;
    private final S3Store store;

    public S3Handler(Database db, BlobStore blobs, S3Store store) {
        this.db = db;
        this.blobs = blobs;
        this.store = store;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.empty(501);
    }
}
