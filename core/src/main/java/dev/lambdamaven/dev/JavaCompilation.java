package dev.lambdamaven.dev;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a module's Java sources in this JVM with the JDK's compiler ({@code javax.tools}), on the module's
 * compile class path and with its compiler options. Every source is compiled each time into an emptied
 * directory: nothing stale survives a deleted or renamed class, and for a function's few dozen files the
 * compiler, warm after the first run, takes a fraction of a second.
 */
public final class JavaCompilation {

    /** What a compilation gave: the error messages ({@code file:line: message}) when it failed. */
    public record Result(boolean success, int sources, List<String> errors) {}

    private final JavaCompiler javac;
    private final List<Path> sourceRoots;
    private final List<Path> classPath;
    private final List<String> options;
    private final Charset encoding;

    /**
     * @param options javac options such as {@code --release 21}, {@code -parameters} (no {@code -d}, no class path)
     */
    public JavaCompilation(List<Path> sourceRoots, List<Path> classPath, List<String> options, Charset encoding) {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("lambda:dev compiles with the JDK's compiler, and Maven runs on a JRE ("
                    + System.getProperty("java.home") + "). Run Maven on a JDK (set JAVA_HOME).");
        }
        this.sourceRoots = List.copyOf(sourceRoots);
        this.classPath = List.copyOf(classPath);
        this.options = List.copyOf(options);
        this.encoding = encoding;
    }

    /** Compiles every {@code .java} file under the source roots into {@code output}, which is emptied first. */
    public Result compile(Path output) throws IOException {
        DevFiles.empty(output);
        List<File> sources = new ArrayList<>();
        for (Path root : sourceRoots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).forEach(sources::add);
                }
            }
        }
        if (sources.isEmpty()) {
            return new Result(true, 0, List.of());
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> arguments = new ArrayList<>(options);
        arguments.addAll(List.of("-d", output.toString(), "-classpath",
                classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, encoding)) {
            boolean ok = javac.getTask(null, files, diagnostics, arguments, null,
                    files.getJavaFileObjectsFromFiles(sources)).call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(JavaCompilation::describe).toList();
            return new Result(ok, sources.size(), errors);
        }
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d) {
        String where = d.getSource() == null ? "" : Path.of(d.getSource().toUri()) + ":" + d.getLineNumber() + ": ";
        return where + d.getMessage(Locale.ROOT);
    }
}
