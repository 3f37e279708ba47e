package dev.lambdamaven.plugin;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The javac options lambda:dev compiles with, read as maven-compiler-plugin reads them: its {@code <release>},
 * {@code <source>}, {@code <target>}, {@code <encoding>}, {@code <parameters>} and {@code <compilerArgs>}, else the
 * {@code maven.compiler.*} properties and {@code project.build.sourceEncoding}.
 *
 * @param options  javac options (no class path, no output directory)
 * @param encoding the sources' encoding
 */
record CompilerOptions(List<String> options, Charset encoding) {

    static CompilerOptions of(MavenProject project) {
        Plugin compiler = project.getPlugin("org.apache.maven.plugins:maven-compiler-plugin");
        Xpp3Dom config = compiler == null ? null : (Xpp3Dom) compiler.getConfiguration();
        Properties properties = project.getProperties();
        List<String> options = new ArrayList<>(List.of("-g"));
        String release = value(config, "release", properties, "maven.compiler.release");
        if (release != null) {
            options.addAll(List.of("--release", release));
        } else {
            String source = value(config, "source", properties, "maven.compiler.source");
            String target = value(config, "target", properties, "maven.compiler.target");
            if (source != null) {
                options.addAll(List.of("-source", source));
            }
            if (target != null) {
                options.addAll(List.of("-target", target));
            }
        }
        if (Boolean.parseBoolean(value(config, "parameters", properties, "maven.compiler.parameters"))) {
            options.add("-parameters");
        }
        Xpp3Dom args = config == null ? null : config.getChild("compilerArgs");
        if (args != null) {
            for (Xpp3Dom arg : args.getChildren()) {
                if (arg.getValue() != null && !arg.getValue().isBlank()) {
                    options.add(arg.getValue().trim());
                }
            }
        }
        String encoding = value(config, "encoding", properties, "project.build.sourceEncoding");
        return new CompilerOptions(options, encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding));
    }

    private static String value(Xpp3Dom config, String element, Properties properties, String property) {
        Xpp3Dom child = config == null ? null : config.getChild(element);
        String value = child != null && child.getValue() != null && !child.getValue().isBlank()
                ? child.getValue().trim() : properties.getProperty(property);
        return value == null || value.isBlank() || value.startsWith("${") ? null : value.trim();
    }
}
