package dev.lambdamaven.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ZipContentsTest {

    private final Path source = Path.of("some/file");

    @Test
    void sortsEntriesAndAddsParentDirectories() throws Exception {
        ZipContents contents = new ZipContents()
                .add("lib/b.jar", source, 0644)
                .add("com/acme/A.class", source, 0644)
                .add("a.properties", source, 0644);

        assertThat(contents.sorted()).extracting(ZipItem::name)
                .containsExactly("a.properties", "com/", "com/acme/", "com/acme/A.class", "lib/", "lib/b.jar");
        assertThat(contents.sorted()).filteredOn(ZipItem::isDirectory)
                .allSatisfy(d -> assertThat(d.mode()).isEqualTo(0755));
    }

    @Test
    void normalizesDotSegmentsAndBackslashes() throws Exception {
        ZipContents contents = new ZipContents().add("./com\\acme//A.class", source, 0644);

        assertThat(contents.contains("com/acme/A.class")).isTrue();
    }

    @Test
    void rejectsPathsThatEscapeTheRoot() {
        assertThatThrownBy(() -> new ZipContents().add("lib/../../etc/passwd", source, 0644))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("lib/../../etc/passwd")
                .hasMessageContaining("'..'");
        assertThatThrownBy(() -> new ZipContents().add("/etc/passwd", source, 0644))
                .hasMessageContaining("absolute path");
    }

    @Test
    void rejectsDuplicatesNamingBothOrigins() throws Exception {
        ZipContents contents = new ZipContents().add(ZipItem.file("lib/x.jar", source), "g1:x");

        assertThatThrownBy(() -> contents.add(ZipItem.file("lib/x.jar", source), "g2:x"))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("'lib/x.jar'")
                .hasMessageContaining("g1:x")
                .hasMessageContaining("g2:x");
    }
}
