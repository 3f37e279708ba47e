package dev.lambdamaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.maven.model.Build;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** lambda:dev compiles with the options maven-compiler-plugin would use. */
class CompilerOptionsTest {

    @Test
    void theCompilerPluginsConfigurationWinsOverTheProperties() {
        MavenProject project = project();
        project.getProperties().setProperty("maven.compiler.release", "17");
        Xpp3Dom config = new Xpp3Dom("configuration");
        config.addChild(child("release", "21"));
        config.addChild(child("parameters", "true"));
        config.addChild(child("encoding", "ISO-8859-1"));
        Xpp3Dom args = new Xpp3Dom("compilerArgs");
        args.addChild(child("arg", "-Xlint:all"));
        args.addChild(child("arg", "-Werror"));
        config.addChild(args);
        compiler(project, config);

        CompilerOptions options = CompilerOptions.of(project);

        assertThat(options.options()).containsExactly("-g", "--release", "21", "-parameters", "-Xlint:all", "-Werror");
        assertThat(options.encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void withoutConfigurationThePropertiesAsMavenCompilerPluginReadsThem() {
        MavenProject project = project();
        project.getProperties().setProperty("maven.compiler.source", "11");
        project.getProperties().setProperty("maven.compiler.target", "11");
        project.getProperties().setProperty("project.build.sourceEncoding", "UTF-8");

        CompilerOptions options = CompilerOptions.of(project);

        assertThat(options.options()).containsExactly("-g", "-source", "11", "-target", "11");
        assertThat(options.encoding()).isEqualTo(StandardCharsets.UTF_8);
    }

    private static MavenProject project() {
        MavenProject project = new MavenProject();
        project.setBuild(new Build());
        return project;
    }

    private static void compiler(MavenProject project, Xpp3Dom config) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId("maven-compiler-plugin");
        plugin.setConfiguration(config);
        project.getBuild().addPlugin(plugin);
    }

    private static Xpp3Dom child(String name, String value) {
        Xpp3Dom dom = new Xpp3Dom(name);
        dom.setValue(value);
        return dom;
    }
}
