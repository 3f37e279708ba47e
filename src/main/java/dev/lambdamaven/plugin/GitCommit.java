package dev.lambdamaven.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commit being built, for version descriptions: from the CI's variable when set (GitHub Actions, GitLab,
 * Jenkins, CircleCI, Buildkite), else read from {@code .git} above the module (no git executable needed).
 */
final class GitCommit {

    private static final List<String> CI_VARIABLES = List.of("GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT",
            "CIRCLE_SHA1", "BUILDKITE_COMMIT");

    private GitCommit() {}

    static Optional<String> find(Path basedir, Map<String, String> environment) {
        for (String variable : CI_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && value.matches("[0-9a-f]{7,64}")) {
                return Optional.of(abbreviate(value));
            }
        }
        for (Path dir = basedir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (Files.exists(git)) {
                return fromGitDirectory(git).map(GitCommit::abbreviate);
            }
        }
        return Optional.empty();
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
