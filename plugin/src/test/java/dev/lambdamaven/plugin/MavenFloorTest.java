package dev.lambdamaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's Maven floor (pom {@code <prerequisites>}): every Mojo compiles against the jars of a real Maven
 * 3.6.3 distribution (unpacked by the build into {@code target/mavens}), instead of the newer Maven API the
 * plugin is built with. A Mojo that calls an API added after 3.6.3 fails here, before a user's Maven does.
 */
class MavenFloorTest {

    private static final Path MAVENS = Path.of("target", "mavens");
    /** Jars of the build's own Maven API on the test class path, replaced by the floor distribution's. */
    private static final List<String> MAVEN_API = List.of("/org/apache/maven/", "/org/codehaus/plexus/",
            "/org/eclipse/sisu/", "/org/eclipse/aether/", "/org/sonatype/", "/com/google/inject/", "/javax/inject/");

    @TempDir
    Path out;

    @Test
    void everyMojoCompilesAgainstTheOldestSupportedMaven() throws IOException {
        Path floorLib = MAVENS.resolve("apache-maven-" + System.getProperty("maven.floor.version", "3.6.3"))
                .resolve("lib");
        assertThat(floorLib).as("unpacked by maven-dependency-plugin (unpack-mavens)").isDirectory();

        List<File> classPath = new ArrayList<>();
        classPath.add(Path.of("target", "classes").toFile()); // the help Mojo; the other Mojos come from source
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace(File.separatorChar, '/');
            boolean mavenApi = MAVEN_API.stream().anyMatch(path::contains) && !path.contains("maven-plugin-annotations");
            Path own = Path.of(entry).toAbsolutePath();
            if (!mavenApi && !own.equals(Path.of("target", "classes").toAbsolutePath())
                    && !own.equals(Path.of("target", "test-classes").toAbsolutePath())) {
                classPath.add(new File(entry));
            }
        }
        try (Stream<Path> jars = Files.list(floorLib)) {
            jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toFile).forEach(classPath::add);
        }
        List<File> sources;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java", "dev", "lambdamaven", "plugin"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
        }

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            boolean compiled = javac.getTask(null, files, diagnostics,
                    List.of("--release", "17", "-proc:none", "-implicit:none", "-d", out.toString(),
                            "-classpath", classPath.stream().map(File::getPath)
                                    .collect(Collectors.joining(File.pathSeparator))),
                    null, files.getJavaFileObjectsFromFiles(sources)).call();
            assertThat(diagnostics.getDiagnostics()).filteredOn(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .as("Maven API used by the plugin but missing in Maven 3.6.3").isEmpty();
            assertThat(compiled).isTrue();
        }
        assertThat(out.resolve("dev/lambdamaven/plugin/PublishVersionMojo.class")).isRegularFile();
    }
}
