package dev.lambdamaven.plugin;

import java.net.URI;
import java.nio.file.Path;
import org.apache.maven.plugin.logging.Log;

/**
 * Placeholder until the emulator lands: the real class starts (or finds) the in-process emulator on
 * {@code home} and returns its endpoint. Deploy goals use {@code -Dlambda.endpoint} meanwhile.
 */
public final class EmbeddedEmulator {

    private EmbeddedEmulator() {}

    public static URI endpoint(Path home, Log log) {
        throw new IllegalStateException("embedded emulator not merged yet");
    }
}
