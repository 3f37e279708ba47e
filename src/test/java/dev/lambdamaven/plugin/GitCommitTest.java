package dev.lambdamaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCommitTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path repo;

    @Test
    void theCiVariableWins() {
        assertThat(GitCommit.find(repo, Map.of("GITHUB_SHA", SHA))).contains("0123456789ab");
    }

    @Test
    void readsALooseRefAboveTheModule() throws Exception {
        Files.createDirectories(repo.resolve(".git/refs/heads"));
        Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(repo.resolve(".git/refs/heads/main"), SHA + "\n");
        Path module = Files.createDirectories(repo.resolve("orders"));

        assertThat(GitCommit.find(module, Map.of())).contains("0123456789ab");
    }

    @Test
    void readsPackedRefs() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/release\n");
        Files.writeString(repo.resolve(".git/packed-refs"), "# pack-refs\n" + SHA + " refs/heads/release\n");

        assertThat(GitCommit.find(repo, Map.of())).contains("0123456789ab");
    }

    @Test
    void noRepositoryMeansNoCommit() {
        assertThat(GitCommit.find(Path.of("/"), Map.of())).isEmpty();
    }
}
