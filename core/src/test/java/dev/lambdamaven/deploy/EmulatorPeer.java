package dev.lambdamaven.deploy;

import dev.lambdamaven.emulator.Emulator;
import dev.lambdamaven.emulator.EmulatorFixture;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The project's own emulator in this JVM, on a fresh state directory (zero state delays), as a deploy peer. */
public final class EmulatorPeer implements DeployPeer {

    private final Path stateDir;
    private final Emulator emulator;

    private EmulatorPeer(Path stateDir, Emulator emulator) {
        this.stateDir = stateDir;
        this.emulator = emulator;
    }

    public static EmulatorPeer start() throws IOException {
        Path dir = Files.createTempDirectory("emulator-peer");
        return new EmulatorPeer(dir, EmulatorFixture.start(dir));
    }

    @Override
    public URI endpoint() {
        return emulator.endpoint();
    }

    @Override
    public void close() throws IOException {
        emulator.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
