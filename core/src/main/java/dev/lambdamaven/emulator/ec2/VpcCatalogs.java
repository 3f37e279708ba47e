package dev.lambdamaven.emulator.ec2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.AtomicFile;
import dev.lambdamaven.emulator.store.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The emulated network of every region: {@code <home>/vpc/<region>.json}, seeded with a default VPC when a region
 * is first used. Edit a file (e.g. set a subnet's {@code AvailableIpAddressCount} to 0): the next request reads it.
 * EC2's Create and Delete calls change the same file. A {@code <home>/vpc.json} of an earlier version, which had one
 * region, becomes us-east-1's file.
 */
public final class VpcCatalogs {

    private record Loaded(long modified, VpcCatalog catalog) {}

    private final Path dir;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    public VpcCatalogs(Path stateDir) throws IOException {
        this.dir = stateDir.resolve("vpc");
        Path legacy = stateDir.resolve("vpc.json");
        if (Files.exists(legacy) && !Files.exists(file("us-east-1"))) {
            OwnerOnly.directory(dir);
            Files.move(legacy, file("us-east-1"));
        }
    }

    /** The network of {@code region}, read again when its file changed. */
    public VpcCatalog catalog(String region) {
        try {
            Path file = file(region);
            long modified = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : -1;
            Loaded current = loaded.get(region);
            if (current == null || current.modified() != modified || modified < 0) {
                VpcCatalog catalog = VpcCatalog.load(file, region);
                current = new Loaded(Files.getLastModifiedTime(file).toMillis(), catalog);
                loaded.put(region, current);
            }
            return current.catalog();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Applies {@code edit} to {@code region}'s file (as JSON), one writer at a time, also across emulators on one
     * state directory (a lock file beside it). An exception from {@code edit} changes nothing.
     */
    public synchronized void change(String region, Consumer<ObjectNode> edit) {
        catalog(region); // seeds a region used for the first time
        Path file = file(region);
        try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), OwnerOnly.fileAttributes()); FileLock lock = channel.lock()) {
            ObjectNode root = (ObjectNode) Json.read(Files.readAllBytes(file));
            edit.accept(root);
            AtomicFile.write(file, Json.prettyBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            loaded.remove(region);
        }
    }

    /** Where {@code region}'s network is kept. */
    public Path file(String region) {
        return dir.resolve(region + ".json");
    }
}
