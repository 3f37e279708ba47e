package dev.lambdamaven.emulator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing a JDK, the runtime client's jars and native library, and what a runtime identifier means. */
class RuntimeSetupTest {

    @TempDir
    Path dir;

    @Test
    void explicitJavaHomeThatIsTooOldNamesTheProperty() throws IOException {
        Path jdk11 = fakeJdk("jdk-11", "11.0.22");

        assertThatThrownBy(() -> new JavaHomeResolver(jdk11, List.of(), List.of()).resolve(21, "java21"))
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessageContaining("lambda.invoke.javaHome=" + jdk11)
                .hasMessageContaining("Java 11")
                .hasMessageContaining("java21 needs Java 21");
    }

    @Test
    void explicitJavaHomeThatIsNewEnoughIsUsed() throws IOException {
        Path jdk25 = fakeJdk("jdk-25", "25.0.1");

        assertThat(new JavaHomeResolver(jdk25, List.of(), List.of()).resolve(21, "java21")).isEqualTo(jdk25);
    }

    @Test
    void currentJvmServesRuntimesItIsNewEnoughFor() {
        Path home = new JavaHomeResolver(null, List.of(), List.of()).resolve(8, "java8.al2");

        assertThat(home).isEqualTo(Path.of(System.getProperty("java.home")));
    }

    @Test
    void newerRuntimeThanTheCurrentJvmTakesTheOldestSufficientCandidate() throws IOException {
        int needed = Runtime.version().feature() + 1;
        fakeJdk("old", "1.8.0_412");
        Path exact = fakeJdk("exact", needed + ".0.1");
        fakeJdk("newer", (needed + 5) + ".0.1");

        assertThat(new JavaHomeResolver(null, List.of(), List.of(dir)).resolve(needed, "javaX")).isEqualTo(exact);
    }

    @Test
    void knownJdksFromToolchainsComeBeforeScannedOnes() throws IOException {
        int needed = Runtime.version().feature() + 1;
        Path toolchain = fakeJdk("toolchains/jdk", (needed + 3) + ".0.1");
        fakeJdk("scanned", needed + ".0.1");

        assertThat(new JavaHomeResolver(null, List.of(toolchain), List.of(dir)).resolve(needed, "javaX"))
                .isEqualTo(toolchain);
    }

    @Test
    void noSufficientJdkIsAClearError() {
        int needed = Runtime.version().feature() + 100;

        assertThatThrownBy(() -> new JavaHomeResolver(null, List.of(), List.of(dir)).resolve(needed, "java999"))
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessageContaining("lambda.invoke.javaHome");
    }

    @Test
    void javaVersionIsReadFromTheReleaseFile() throws IOException {
        assertThat(JavaHomeResolver.featureVersion(fakeJdk("eight", "1.8.0_412"))).contains(8);
        assertThat(JavaHomeResolver.featureVersion(fakeJdk("seventeen", "17.0.15"))).contains(17);
        assertThat(JavaHomeResolver.featureVersion(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void runtimeIdentifiers() {
        assertThat(RuntimeKind.of("java8.al2").javaFeatureVersion()).isEqualTo(8);
        assertThat(RuntimeKind.of("java21").executionEnv()).isEqualTo("AWS_Lambda_java21");
        assertThat(RuntimeKind.of("java25").javaFeatureVersion()).isEqualTo(25);
        assertThat(RuntimeKind.of("provided.al2023").isJava()).isFalse();
        assertThat(RuntimeKind.of("provided").executionEnv()).isNull();
        assertThatThrownBy(() -> RuntimeKind.of("nodejs22.x"))
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessageContaining("nodejs22.x")
                .hasMessageContaining("lambda.target=aws");
    }

    @Test
    void runtimeClientJarsAreFoundOnTheClassPath() {
        List<Path> jars = RuntimeClientClasspath.find();

        assertThat(jars).extracting(p -> p.getFileName().toString())
                .anyMatch(n -> n.startsWith("aws-lambda-java-runtime-interface-client-"))
                .anyMatch(n -> n.startsWith("aws-lambda-java-core-"))
                .anyMatch(n -> n.startsWith("aws-lambda-java-serialization-"));
        assertThat(jars).allMatch(Files::exists);
    }

    @Test
    void nativeLibraryMatchesPlatformOrNamesTheFallback() {
        assertThat(NativeClientLibrary.libraryNameFor("Linux", "amd64", false))
                .isEqualTo("libaws-lambda-jni.linux-x86_64.so");
        assertThat(NativeClientLibrary.libraryNameFor("Linux", "aarch64", true))
                .isEqualTo("libaws-lambda-jni.linux_musl-aarch_64.so");
        assertThatThrownBy(() -> NativeClientLibrary.libraryNameFor("Mac OS X", "aarch64", false))
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessageContaining("Mac OS X/aarch64")
                .hasMessageContaining("lambda.endpoint")
                .hasMessageContaining("docs/invoke.md");
    }

    @Test
    void nativeLibraryIsExtractedOnceAndReused() throws IOException {
        Path first = NativeClientLibrary.extract(RuntimeClientClasspath.find(), dir.resolve("native"));
        long modified = Files.getLastModifiedTime(first).toMillis();
        Path second = NativeClientLibrary.extract(RuntimeClientClasspath.find(), dir.resolve("native"));

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second).toMillis()).isEqualTo(modified);
        assertThat(Files.size(first)).isGreaterThan(100_000);
    }

    @Test
    void classDataArchiveIsBuiltInTheBackgroundWhenWantedThenOfferedAndMapsWithTheClientJarsFirst() throws Exception {
        Path home = Path.of(System.getProperty("java.home"));
        List<Path> jars = RuntimeClientClasspath.find();
        Path nativeLibrary = NativeClientLibrary.extract(jars, dir.resolve("native"));
        try (ClassDataArchive archive = new ClassDataArchive(dir.resolve("cds"))) {
            assertThat(archive.jvmOptions(home, jars, nativeLibrary)).as("not built yet").isEmpty();
            assertThat(dir.resolve("cds")).as("no training beside the environment that asked").doesNotExist();
            archive.buildWanted(); // the runtime calls this once that environment answered

            List<String> options = List.of();
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (options.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                options = archive.jvmOptions(home, jars, nativeLibrary);
            }

            assertThat(options).first().asString().startsWith("-XX:SharedArchiveFile=");
            List<String> command = new java.util.ArrayList<>(List.of(JavaHomeResolver.javaLauncher(home).toString()));
            command.add(options.get(0));
            command.add("-Xshare:on"); // fails instead of running without the archive
            command.add("-cp");
            command.add(String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList())
                    + java.io.File.pathSeparator + dir);
            command.add("-version");
            Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes());
            assertThat(check.waitFor()).as(output).isZero();
        }
    }

    @Test
    void regionComesFromTheInvokedArn() {
        assertThat(EnvironmentLauncher.regionOf("arn:aws:lambda:eu-central-1:123456789012:function:f:live"))
                .isEqualTo("eu-central-1");
        assertThat(EnvironmentLauncher.regionOf(null)).isEqualTo("us-east-1");
    }

    private Path fakeJdk(String name, String version) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
