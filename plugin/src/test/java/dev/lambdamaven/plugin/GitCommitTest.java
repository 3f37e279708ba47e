package dev.lambdamaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        assertThat(GitCommit.find(repo, Map.of("GITHUB_SHA", SHA)).map(GitCommit::sha)).contains("0123456789ab");
    }

    @Test
    void readsALooseRefAboveTheModule() throws Exception {
        Files.createDirectories(repo.resolve(".git/refs/heads"));
        Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(repo.resolve(".git/refs/heads/main"), SHA + "\n");
        Path module = Files.createDirectories(repo.resolve("orders"));

        assertThat(GitCommit.find(module, Map.of()).map(GitCommit::sha)).contains("0123456789ab");
    }

    @Test
    void readsPackedRefs() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/release\n");
        Files.writeString(repo.resolve(".git/packed-refs"), "# pack-refs\n" + SHA + " refs/heads/release\n");

        assertThat(GitCommit.find(repo, Map.of()).map(GitCommit::sha)).contains("0123456789ab");
    }

    @Test
    void aChangedTrackedFileMarksTheCommitDirtyAndAnUntrackedOneDoesNot() throws Exception {
        assumeTrue(git("--version") == 0, "git is not installed");
        git("-C", repo.toString(), "init", "-q");
        Files.writeString(repo.resolve("Handler.java"), "class Handler {}\n");
        git("-C", repo.toString(), "add", "Handler.java");
        git("-C", repo.toString(), "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "one");
        Files.writeString(repo.resolve("build.log"), "untracked output\n");

        GitCommit clean = GitCommit.find(repo, Map.of()).orElseThrow();
        Files.writeString(repo.resolve("Handler.java"), "class Handler { int changed; }\n");
        GitCommit dirty = GitCommit.find(repo, Map.of()).orElseThrow();

        assertThat(clean.dirty()).isFalse();
        assertThat(clean.toString()).matches("[0-9a-f]{12}");
        assertThat(dirty.dirty()).isTrue();
        assertThat(dirty.toString()).isEqualTo(clean.sha() + "+dirty");
        assertThat(GitCommit.find(repo, Map.of("GITHUB_SHA", SHA)).map(GitCommit::toString))
                .as("a CI commit is still checked against the work tree").contains("0123456789ab+dirty");
    }

    private static int git(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git"));
        command.addAll(java.util.List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    @Test
    void noRepositoryMeansNoCommit() {
        assertThat(GitCommit.find(Path.of("/"), Map.of())).isEmpty();
    }
}
