package dev.lambdamaven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What some tests need besides the build's JDK ({@code moto_server}, the AWS CLI, a second, newer JDK). Where one is missing, a developer's
 * run skips those tests and reports them as skipped; in CI ({@code CI=true}) they fail instead, because a skipped
 * test there would hide a missing install step behind a green build (docs/testing.md).
 */
public final class ExternalTools {

    private ExternalTools() {}

    /** Returns if {@code command} is on the PATH; otherwise skips the test, or fails it in CI. */
    public static void require(String command, String howToInstall) {
        require(onPath(command), command + " is not on the PATH (" + howToInstall + ")");
    }

    /** Returns if {@code present}; otherwise skips the test with {@code reason}, or fails it in CI. */
    public static void require(boolean present, String reason) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + ": CI=true, where a test skipped for a missing tool fails the build");
        }
        Assumptions.abort(reason + ": skipped");
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
