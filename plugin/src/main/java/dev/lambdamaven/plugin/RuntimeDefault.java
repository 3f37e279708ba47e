package dev.lambdamaven.plugin;

import java.util.Properties;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * The Lambda Java runtime a module runs on when {@code <runtime>} is not set: the oldest Lambda Java
 * runtime that runs the bytecode the module compiles to ({@code maven.compiler.release}, else
 * {@code maven.compiler.target}), java21 when neither is set.
 */
final class RuntimeDefault {

    static final String WHEN_UNKNOWN = "java21";

    private RuntimeDefault() {}

    static String of(MavenProject project) throws MojoFailureException {
        Properties properties = project.getProperties();
        String release = properties.getProperty("maven.compiler.release", properties.getProperty("maven.compiler.target"));
        return release == null ? WHEN_UNKNOWN : forRelease(release.trim());
    }

    static String forRelease(String release) throws MojoFailureException {
        int version;
        try {
            version = Integer.parseInt(release.startsWith("1.") ? release.substring(2) : release);
        } catch (NumberFormatException e) {
            throw new MojoFailureException("Cannot choose a Lambda runtime from maven.compiler.release '" + release
                    + "'. Set <runtime> (or -Dlambda.runtime), e.g. java21.");
        }
        if (version <= 8) {
            return "java8.al2";
        } else if (version <= 11) {
            return "java11";
        } else if (version <= 17) {
            return "java17";
        } else if (version <= 21) {
            return "java21";
        } else if (version <= 25) {
            return "java25";
        }
        throw new MojoFailureException("The module compiles for Java " + version
                + ", newer than any Lambda Java runtime (java25 is the newest). Compile with "
                + "<maven.compiler.release>25</maven.compiler.release> or lower, or set <runtime> to a custom runtime "
                + "(provided.al2023) that ships its own JVM.");
    }
}
