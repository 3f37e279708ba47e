package dev.lambdamaven.plugin;

import java.util.Optional;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * What a module of the reactor is to this plugin, read from the goals its pom binds: a function module (it
 * packages or publishes a function), a layer module, or neither (an aggregator, a plain library). Goals are
 * recognised by the Mojo class behind them, so no goal name is spelled here.
 */
enum ModuleKind {
    FUNCTION("a function module"), LAYER("a layer module"), OTHER("neither a function nor a layer module");

    private final String description;

    ModuleKind(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    static ModuleKind of(MavenProject project, PluginDescriptor plugin) {
        for (Plugin declared : project.getBuildPlugins()) {
            if (!declared.getKey().equals(plugin.getPluginLookupKey())) {
                continue;
            }
            for (PluginExecution execution : declared.getExecutions()) {
                for (String goal : execution.getGoals()) {
                    Optional<Class<?>> mojo = implementation(plugin, goal);
                    if (mojo.filter(c -> c == PackageFunctionMojo.class || c == PublishVersionMojo.class).isPresent()) {
                        return FUNCTION;
                    }
                    if (mojo.filter(c -> c == PackageLayerMojo.class || c == PublishLayerMojo.class).isPresent()) {
                        return LAYER;
                    }
                }
            }
        }
        return OTHER;
    }

    /** The goal name of a Mojo class, as the plugin descriptor (the {@code @Mojo} annotation) spells it. */
    static String goal(PluginDescriptor plugin, Class<?> mojo) {
        return plugin.getMojos().stream().filter(d -> d.getImplementation().equals(mojo.getName()))
                .map(MojoDescriptor::getGoal).findFirst().orElseThrow();
    }

    private static Optional<Class<?>> implementation(PluginDescriptor plugin, String goal) {
        MojoDescriptor mojo = plugin.getMojo(goal);
        if (mojo == null) {
            return Optional.empty();
        }
        for (Class<?> c : new Class<?>[] {PackageFunctionMojo.class, PublishVersionMojo.class, PackageLayerMojo.class,
            PublishLayerMojo.class}) {
            if (c.getName().equals(mojo.getImplementation())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
