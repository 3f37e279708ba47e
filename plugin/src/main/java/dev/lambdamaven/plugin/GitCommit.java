package dev.lambdamaven.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The commit being built, for version descriptions: from the CI's variable when set (GitHub Actions, GitLab,
 * Jenkins, CircleCI, Buildkite), else read from {@code .git} above the module (no git executable needed), and
 * whether tracked files differ from it ({@code git status}, when git is installed; untracked files, such as
 * build output, do not count).
 *
 * @param sha    the abbreviated commit
 * @param dirty  whether tracked files have uncommitted changes
 */
record GitCommit(String sha, boolean dirty) {

    private static final List<String> CI_VARIABLES = List.of("GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT",
            "CIRCLE_SHA1", "BUILDKITE_COMMIT");

    /** {@code 8ae45c20340f}, or {@code 8ae45c20340f+dirty}. */
    @Override
    public String toString() {
        return sha + (dirty ? "+dirty" : "");
    }

    static Optional<GitCommit> find(Path basedir, Map<String, String> environment) {
        Optional<Path> git = gitDirectory(basedir);
        boolean dirty = git.isPresent() && dirty(git.get().getParent());
        for (String variable : CI_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && value.matches("[0-9a-f]{7,64}")) {
                return Optional.of(new GitCommit(abbreviate(value), dirty));
            }
        }
        return git.flatMap(GitCommit::fromGitDirectory).map(sha -> new GitCommit(abbreviate(sha), dirty));
    }

    /** The {@code .git} (directory, or file of a worktree) of the work tree {@code basedir} is in. */
    static Optional<Path> gitDirectory(Path basedir) {
        for (Path dir = basedir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (Files.exists(git)) {
                return Optional.of(git);
            }
        }
        return Optional.empty();
    }

    /** {@code git status --porcelain --untracked-files=no} has output; false when git cannot tell. */
    private static boolean dirty(Path workTree) {
        try {
            Process git = new ProcessBuilder("git", "-C", workTree.toString(), "status", "--porcelain",
                    "--untracked-files=no").redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] output = git.getInputStream().readAllBytes();
            if (!git.waitFor(30, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return false;
            }
            return git.exitValue() == 0 && !new String(output, StandardCharsets.UTF_8).isBlank();
        } catch (IOException e) { // no git installed
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<String> fromGitDirectory(Path git) {
        try {
            if (Files.isRegularFile(git)) { // a worktree: "gitdir: <path>"
                String pointer = Files.readString(git).trim();
                if (!pointer.startsWith("gitdir:")) {
                    return Optional.empty();
                }
                git = git.getParent().resolve(pointer.substring("gitdir:".length()).trim());
            }
            String head = Files.readString(git.resolve("HEAD")).trim();
            if (!head.startsWith("ref: ")) {
                return Optional.of(head);
            }
            String ref = head.substring(5);
            Path common = Files.isRegularFile(git.resolve("commondir"))
                    ? git.resolve(Files.readString(git.resolve("commondir")).trim()) : git;
            for (Path root : List.of(git, common)) {
                if (Files.isRegularFile(root.resolve(ref))) {
                    return Optional.of(Files.readString(root.resolve(ref)).trim());
                }
                Path packed = root.resolve("packed-refs");
                if (Files.isRegularFile(packed)) {
                    for (String line : Files.readAllLines(packed)) {
                        if (line.endsWith(" " + ref)) {
                            return Optional.of(line.substring(0, line.indexOf(' ')));
                        }
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
