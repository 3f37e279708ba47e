package dev.lambdamaven.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerPackagerTest {

    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path temp;

    @Test
    void javaJarsGoUnderJavaLibAndOtherFoldersAsTheyAre() throws Exception {
        Path jar = Files.write(temp.resolve("dep-1.0.jar"), new byte[] {1, 2});
        Path src = Files.createDirectories(temp.resolve("layer/python/pkg"));
        Files.writeString(src.resolve("__init__.py"), "");

        PackageOutcome outcome = new LayerPackager().packageLayer(new LayerPackageRequest(
                List.of(new Library("g", "dep", jar)), temp.resolve("layer"), TIME, temp.resolve("l.zip"), temp));

        assertThat(FunctionPackagerTest.names(outcome.result().zip())).containsExactly("java/", "java/lib/",
                "java/lib/dep-1.0.jar", "python/", "python/pkg/", "python/pkg/__init__.py");
    }

    @Test
    void emptyLayerIsRejected() {
        assertThatThrownBy(() -> new LayerPackager().packageLayer(new LayerPackageRequest(List.of(),
                temp.resolve("none"), TIME, temp.resolve("l.zip"), temp)))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("The layer would be empty");
    }

    @Test
    void descriptorRoundTrips() throws Exception {
        LayerDescriptor descriptor = new LayerDescriptor("libs", temp.resolve("l.zip"), "abc=", List.of("g:a", "g:b"),
                "Jackson, with = and : in it", null, List.of("java17", "java21"), List.of("arm64"));
        descriptor.write(temp);

        assertThat(LayerDescriptor.read(temp)).isEqualTo(descriptor);
    }

    @Test
    void exclusionsMatchCoordinatesWithWildcards() throws Exception {
        JarExclusions exclusions = new JarExclusions(List.of("software.amazon.awssdk:*", "com.fasterxml.*:jackson-core"));

        assertThat(exclusions.excludes(new Library("software.amazon.awssdk", "s3", temp))).isTrue();
        assertThat(exclusions.excludes(new Library("com.fasterxml.jackson.core", "jackson-core", temp))).isTrue();
        assertThat(exclusions.excludes(new Library("com.fasterxml.jackson.core", "jackson-databind", temp))).isFalse();
        assertThatThrownBy(() -> new JarExclusions(List.of("just-an-artifact")))
                .hasMessageContaining("groupId:artifactId");
    }
}
