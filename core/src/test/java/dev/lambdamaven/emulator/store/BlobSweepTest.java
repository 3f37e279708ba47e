package dev.lambdamaven.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobSweepTest {

    @TempDir
    Path dir;

    @Test
    void aStoppedSweepDeletesNothing() throws Exception {
        try (Database db = Database.open(dir.resolve("emulator.db"), 2)) {
            BlobStore blobs = new BlobStore(dir);
            BlobSweep sweep = new BlobSweep(db, blobs, Duration.ZERO);
            String first = blobs.put("first orphan".getBytes(StandardCharsets.UTF_8)).sha256Hex();
            assertThat(sweep.run().collected().blobs()).containsExactly(first);

            BlobStore.Blob second = blobs.put("second orphan".getBytes(StandardCharsets.UTF_8));
            sweep.stop();
            assertThat(sweep.run().collected().blobs()).isEmpty();
            assertThat(second.path()).exists();
        }
    }

    @Test
    void aPinnedBlobIsKeptUntilItsPinIsClosed() throws Exception {
        try (Database db = Database.open(dir.resolve("emulator.db"), 2)) {
            BlobStore blobs = new BlobStore(dir);
            BlobSweep sweep = new BlobSweep(db, blobs, Duration.ZERO);
            BlobStore.Blob orphan = blobs.put("read later".getBytes(StandardCharsets.UTF_8));
            BlobStore.Pin first = blobs.pin(List.of(orphan.path()));
            BlobStore.Pin second = blobs.pin(List.of(orphan.path()));
            first.close();
            assertThat(sweep.run().collected().blobs()).isEmpty();
            second.close();
            assertThat(sweep.run().collected().blobs()).containsExactly(orphan.sha256Hex());
        }
    }
}
