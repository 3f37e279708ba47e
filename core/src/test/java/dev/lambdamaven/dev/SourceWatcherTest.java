package dev.lambdamaven.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceWatcherTest {

    @TempDir
    Path dir;

    @Test
    void seesAddedChangedAndRemovedFilesInNestedDirectoriesOfEveryRoot() throws Exception {
        Path java = Files.createDirectories(dir.resolve("java/com/acme"));
        Path resources = Files.createDirectories(dir.resolve("resources"));
        Path handler = Files.writeString(java.resolve("Handler.java"), "class Handler {}");
        SourceWatcher watcher = new SourceWatcher(List.of(dir.resolve("java"), resources, dir.resolve("absent")));
        assertThat(watcher.changes()).isEmpty();

        Path config = Files.writeString(resources.resolve("app.properties"), "a=1");
        assertThat(watcher.changes()).containsExactly(config);
        assertThat(watcher.changes()).as("reported once").isEmpty();

        // same size, later modification time: an editor's save of a one-character change
        Files.writeString(handler, "class Handlex {}");
        Files.setLastModifiedTime(handler, FileTime.from(Instant.now().plusSeconds(5)));
        Files.delete(config);
        assertThat(watcher.changes()).containsExactly(handler, config);
    }

    @Test
    void awaitChangesReturnsOnceTheWritesHaveSettledAndNothingWhenStopped() throws Exception {
        SourceWatcher watcher = new SourceWatcher(List.of(dir));
        Path a = Files.writeString(dir.resolve("A.java"), "class A {}");
        Path b = Files.writeString(dir.resolve("B.java"), "class B {}");
        assertThat(watcher.awaitChanges(Duration.ofMillis(10), () -> false)).containsExactly(a, b);

        AtomicInteger polls = new AtomicInteger();
        assertThat(watcher.awaitChanges(Duration.ofMillis(10), () -> polls.incrementAndGet() > 3)).isEmpty();
    }
}
