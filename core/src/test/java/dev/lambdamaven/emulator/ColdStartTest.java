package dev.lambdamaven.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * An emulator started in a fresh JVM: SQLite's native library is loaded from the copy kept in the state
 * directory (nothing is extracted to the temp directory; a damaged copy is replaced), and no key is made
 * before a secret is stored.
 */
class ColdStartTest {

    @TempDir
    Path state;

    @TempDir
    Path javaTmp;

    @Test
    void theNativeLibraryIsCopiedOnceIntoTheStateDirectoryAndLoadedFromThere() throws Exception {
        String name = LibraryLoaderUtil.getNativeLibName();
        List<Path> copies = List.of();
        for (int run = 0; run < 3; run++) {
            if (run == 2) { // a damaged copy (a crash, a full disk) would crash the JVM that loads it
                Files.write(copies.get(0), Arrays.copyOf(Files.readAllBytes(copies.get(0)), 4096));
            }
            startAnswerAndKill();
            try (Stream<Path> extracted = Files.list(javaTmp)) {
                assertThat(extracted.map(p -> p.getFileName().toString()).filter(n -> n.contains("sqlite")))
                        .as("run %d: nothing extracted to java.io.tmpdir", run).isEmpty();
            }
            try (Stream<Path> walk = Files.walk(state.resolve("native"))) {
                copies = walk.filter(p -> p.getFileName().toString().equals(name)).toList();
            }
        }
        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).toString()).contains("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion());
        try (InputStream resource = SQLiteJDBCLoader.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name)) {
            assertThat(Files.readAllBytes(copies.get(0))).isEqualTo(resource.readAllBytes());
        }
        assertThat(state.resolve("secret.key")).doesNotExist();
    }

    private void startAnswerAndKill() throws Exception {
        try (EmulatorProcessMain.Child child = EmulatorProcessMain.start(state, "-Djava.io.tmpdir=" + javaTmp)) {
            HttpResponse<String> settings = new SignedHttp(child.endpoint()).send("GET",
                    "/2016-08-19/account-settings/", null);
            assertThat(settings.statusCode()).isEqualTo(200);
            assertThat(settings.body()).contains("\"AccountLimit\"");
        }
    }
}
