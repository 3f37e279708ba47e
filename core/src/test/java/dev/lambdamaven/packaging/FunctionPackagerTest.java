package dev.lambdamaven.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionPackagerTest {

    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path temp;

    private final FunctionPackager packager = new FunctionPackager();

    @Test
    void javaLayoutHasClassesAtTheRootAndJarsUnderLib() throws Exception {
        Path classes = JavaSources.compile(temp.resolve("classes"), Map.of("com.acme.Greeter", JavaSources.GREETER));
        Files.writeString(classes.resolve("app.properties"), "a=b");
        Library core = new Library("com.amazonaws", "aws-lambda-java-core", JavaSources.lambdaCoreJar());

        PackageOutcome outcome = packager.packageFunction(java(classes, List.of(core), "com.acme.Greeter::handleRequest"));

        assertThat(names(outcome.result().zip())).containsExactly("app.properties", "com/", "com/acme/",
                "com/acme/Greeter.class", "lib/", "lib/" + JavaSources.lambdaCoreJar().getFileName());
        assertThat(outcome.upToDate()).isFalse();
    }

    @Test
    void wrongHandlerFailsBeforeAnyZipIsWritten() throws Exception {
        Path classes = JavaSources.compile(temp.resolve("classes"), Map.of("com.acme.Greeter", JavaSources.GREETER));
        Library core = new Library("com.amazonaws", "aws-lambda-java-core", JavaSources.lambdaCoreJar());

        assertThatThrownBy(() -> packager.packageFunction(java(classes, List.of(core), "com.acme.Nope::handleRequest")))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("com.acme.Greeter::handleRequest");
        assertThat(temp.resolve("fn.zip")).doesNotExist();
    }

    @Test
    void handlerCheckSeesJarsThatALayerProvides() throws Exception {
        Path classes = JavaSources.compile(temp.resolve("classes"), Map.of("com.acme.Greeter", JavaSources.GREETER));
        Library core = new Library("com.amazonaws", "aws-lambda-java-core", JavaSources.lambdaCoreJar());
        FunctionPackageRequest request = new FunctionPackageRequest("java21", "com.acme.Greeter", classes, List.of(),
                List.of(core), null, null, TIME, temp.resolve("fn.zip"), temp.resolve("work"));

        PackageOutcome outcome = packager.packageFunction(request);

        assertThat(names(outcome.result().zip())).doesNotContain("lib/");
    }

    @Test
    void missingClassesDirectoryTellsToRunAfterCompile() {
        assertThatThrownBy(() -> packager.packageFunction(java(temp.resolve("nothing"), List.of(), null)))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("No compiled classes at")
                .hasMessageContaining("after compile");
    }

    @Test
    void jarsWithTheSameFileNameAreToldApartByGroupId() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Path a = Files.write(Files.createDirectories(temp.resolve("a")).resolve("util-1.0.jar"), new byte[] {1});
        Path b = Files.write(Files.createDirectories(temp.resolve("b")).resolve("util-1.0.jar"), new byte[] {2});

        PackageOutcome outcome = packager.packageFunction(java(classes,
                List.of(new Library("org.a", "util", a), new Library("org.b", "util", b)), null));

        assertThat(names(outcome.result().zip())).contains("lib/org.a-util-1.0.jar", "lib/org.b-util-1.0.jar");
    }

    @Test
    void unchangedInputsKeepTheZipAndChangedInputsRewriteIt() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Path resource = Files.writeString(classes.resolve("a.txt"), "one");
        PackageOutcome first = packager.packageFunction(java(classes, List.of(), null));
        FileTime written = Files.getLastModifiedTime(first.result().zip());

        PackageOutcome second = packager.packageFunction(java(classes, List.of(), null));
        assertThat(second.upToDate()).isTrue();
        assertThat(second.result()).isEqualTo(first.result());
        assertThat(Files.getLastModifiedTime(second.result().zip())).isEqualTo(written);

        Files.writeString(resource, "two");
        Files.setLastModifiedTime(resource, FileTime.from(Instant.now().plusSeconds(5)));
        PackageOutcome third = packager.packageFunction(java(classes, List.of(), null));
        assertThat(third.upToDate()).isFalse();
        assertThat(third.result().codeSha256()).isNotEqualTo(first.result().codeSha256());
    }

    @Test
    void zipChangedOrDeletedBehindOurBackIsRebuilt() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Files.writeString(classes.resolve("a.txt"), "one");
        PackageOutcome first = packager.packageFunction(java(classes, List.of(), null));
        Files.delete(first.result().zip());

        PackageOutcome again = packager.packageFunction(java(classes, List.of(), null));

        assertThat(again.upToDate()).isFalse();
        assertThat(again.result().zip()).exists();
    }

    @Test
    void customRuntimeNeedsAnExecutableBootstrap() throws Exception {
        Path src = Files.createDirectories(temp.resolve("src"));
        Path bootstrap = Files.writeString(src.resolve("bootstrap"), "#!/bin/sh\n");
        Files.writeString(src.resolve("handler.sh"), "echo hi\n");
        FunctionPackageRequest request = new FunctionPackageRequest("provided.al2023", "handler.sh", null, List.of(),
                List.of(), null, src, TIME, temp.resolve("fn.zip"), temp.resolve("work"));

        assertThatThrownBy(() -> packager.packageFunction(request))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("is not executable")
                .hasMessageContaining("chmod +x " + bootstrap);

        Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
        PackageOutcome outcome = packager.packageFunction(request);
        try (ZipFile zip = ZipFile.builder().setPath(outcome.result().zip()).get()) {
            assertThat(zip.getEntry("bootstrap").getUnixMode()).isEqualTo(0100755);
            assertThat(zip.getEntry("handler.sh").getUnixMode()).isEqualTo(0100644);
        }
    }

    @Test
    void customRuntimeWithoutBootstrapNamesTheParameter() {
        FunctionPackageRequest request = new FunctionPackageRequest("provided.al2", null, null, List.of(), List.of(),
                null, temp.resolve("src"), TIME, temp.resolve("fn.zip"), temp.resolve("work"));

        assertThatThrownBy(() -> packager.packageFunction(request))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("needs an executable file named bootstrap")
                .hasMessageContaining("<bootstrap>");
    }

    @Test
    void explicitBootstrapIsPlacedAtTheRoot() throws Exception {
        Path binary = Files.writeString(temp.resolve("my-native-app"), "\u007fELF");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-x---"));
        FunctionPackageRequest request = new FunctionPackageRequest("provided.al2023", null, null, List.of(), List.of(),
                binary, temp.resolve("none"), TIME, temp.resolve("fn.zip"), temp.resolve("work"));

        PackageOutcome outcome = packager.packageFunction(request);

        assertThat(names(outcome.result().zip())).containsExactly("bootstrap");
    }

    @Test
    void packagesAboveTheUnzippedLimitFailNamingTheLargestEntries() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Path big = temp.resolve("huge-1.0.jar");
        try (RandomAccessFile sparse = new RandomAccessFile(big.toFile(), "rw")) {
            sparse.setLength(SizeLimits.UNZIPPED_BYTES + 1);
        }

        assertThatThrownBy(() -> packager.packageFunction(java(classes, List.of(new Library("g", "huge", big)), null)))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("above Lambda's limit")
                .hasMessageContaining("lib/huge-1.0.jar (250.0 MB)");
        assertThat(temp.resolve("fn.zip")).doesNotExist();
    }

    private FunctionPackageRequest java(Path classes, List<Library> libraries, String handler) {
        return new FunctionPackageRequest("java21", handler, classes, libraries, List.of(), null, null, TIME,
                temp.resolve("fn.zip"), temp.resolve("work"));
    }

    static List<String> names(Path zip) throws Exception {
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            return Collections.list(file.getEntries()).stream().map(ZipArchiveEntry::getName).toList();
        }
    }
}
