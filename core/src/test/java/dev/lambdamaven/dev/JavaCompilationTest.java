package dev.lambdamaven.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCompilationTest {

    @TempDir
    Path dir;

    @Test
    void compilesEverySourceAndLeavesNothingStaleBehind() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/demo"));
        Files.writeString(src.resolve("A.java"), "package demo; public class A { String b() { return new B().toString(); } }");
        Files.writeString(src.resolve("B.java"), "package demo; class B {}");
        JavaCompilation javac = new JavaCompilation(List.of(dir.resolve("src")), List.of(),
                List.of("--release", "17"), StandardCharsets.UTF_8);
        Path out = dir.resolve("out");

        JavaCompilation.Result first = javac.compile(out);
        assertThat(first.success()).isTrue();
        assertThat(first.sources()).isEqualTo(2);
        assertThat(out.resolve("demo/B.class")).isRegularFile();

        Files.delete(src.resolve("B.java"));
        Files.writeString(src.resolve("A.java"), "package demo; public class A {}");
        assertThat(javac.compile(out).success()).isTrue();
        assertThat(out.resolve("demo/B.class")).as("the class of a deleted source").doesNotExist();
    }

    @Test
    void aFailedCompilationNamesFileLineAndMessage() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path broken = Files.writeString(src.resolve("Broken.java"), "class Broken {\n  int x = \"text\";\n}\n");

        JavaCompilation.Result result = new JavaCompilation(List.of(src), List.of(), List.of("--release", "17"),
                StandardCharsets.UTF_8).compile(dir.resolve("out"));

        assertThat(result.success()).isFalse();
        assertThat(result.errors()).singleElement().asString()
                .startsWith(broken + ":2: ").contains("incompatible types");
    }
}
