package dev.lambdamaven.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Notices added, changed and removed files under a few directories by comparing their size and modification
 * time from one scan to the next. Polling rather than a {@code WatchService}: it sees every file of a tree
 * without registering each directory, works the same on every OS (the JDK's macOS watcher polls every 2 to 10
 * s), and a function's sources scan in a millisecond or two.
 */
public final class SourceWatcher {

    private final List<Path> roots;
    private Map<Path, String> last;

    public SourceWatcher(List<Path> roots) {
        this.roots = List.copyOf(roots);
        this.last = scan();
    }

    /** Files added, changed or removed since the previous call (or since construction). */
    public Set<Path> changes() {
        Map<Path, String> now = scan();
        Set<Path> changed = new TreeSet<>();
        now.forEach((file, stamp) -> {
            if (!stamp.equals(last.get(file))) {
                changed.add(file);
            }
        });
        last.keySet().stream().filter(file -> !now.containsKey(file)).forEach(changed::add);
        last = now;
        return changed;
    }

    /** How long after a change a scan must find nothing more, at most: an editor's or a checkout's writes. */
    static final Duration SETTLE = Duration.ofMillis(30);

    /**
     * Waits for changes and returns them once a scan finds nothing more (an editor or a {@code git checkout}
     * writes several files in a row), {@link #SETTLE} after the last (or {@code poll}, if shorter); empty when
     * {@code stopped} turns true first.
     */
    public Set<Path> awaitChanges(Duration poll, BooleanSupplier stopped) throws InterruptedException {
        Set<Path> changed = new TreeSet<>();
        while (!stopped.getAsBoolean()) {
            Set<Path> more = changes();
            if (more.isEmpty() && !changed.isEmpty()) {
                return changed;
            }
            changed.addAll(more);
            Thread.sleep(changed.isEmpty() ? poll.toMillis() : Math.min(poll.toMillis(), SETTLE.toMillis()));
        }
        return Set.of();
    }

    private Map<Path, String> scan() {
        Map<Path, String> files = new HashMap<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.forEach(file -> stamp(file).ifPresent(stamp -> files.put(file, stamp)));
            } catch (UncheckedIOException | IOException e) {
                // a directory removed while it was walked: the next scan sees the result
            }
        }
        return files;
    }

    private static java.util.Optional<String> stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile()
                    ? java.util.Optional.of(attributes.size() + "@" + attributes.lastModifiedTime().toMillis())
                    : java.util.Optional.empty();
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
