package dev.lambdamaven.plugin;

import dev.lambdamaven.emulator.runtime.FunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalFunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * How the emulator runs function code: child processes under the state directory, Java functions on the JDK
 * named by {@code lambda.invoke.javaHome}, else one of the build's JDK toolchains, else the build's own JVM
 * or an installed JDK, whichever is new enough for the function's runtime.
 *
 * @param javaHome   the explicit JDK, or {@code null}
 * @param knownJdks  the homes of the build's JDK toolchains
 */
record LocalInvoke(Path javaHome, List<Path> knownJdks) {

    static final LocalInvoke DEFAULTS = new LocalInvoke(null, List.of());

    static LocalInvoke of(File javaHome, ToolchainManager toolchains, MavenSession session) {
        List<Path> homes = new ArrayList<>();
        if (toolchains != null && session != null) {
            for (Toolchain jdk : toolchains.getToolchains(session, "jdk", null)) {
                String java = jdk.findTool("java");
                if (java != null && Path.of(java).getParent() != null && Path.of(java).getParent().getParent() != null) {
                    homes.add(Path.of(java).getParent().getParent());
                }
            }
        }
        return new LocalInvoke(javaHome == null ? null : javaHome.toPath(), homes);
    }

    FunctionRuntime runtimeFor(Path stateDirectory) {
        return new LocalFunctionRuntime(LocalRuntimeOptions.defaults(stateDirectory.resolve("environments"))
                .withJavaHome(javaHome).withKnownJdks(knownJdks));
    }
}
