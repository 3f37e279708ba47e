package dev.lambdamaven.plugin;

import java.util.EnumSet;
import java.util.Set;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that act on one function by its name: in a reactor, they run in the function modules. */
public abstract class AbstractNamedFunctionMojo extends AbstractTargetMojo {

    /** The function's name. */
    @Parameter(property = PropertyNames.FUNCTION_NAME, defaultValue = "${project.artifactId}")
    protected String functionName;

    @Override
    protected Set<ModuleKind> modules() {
        return EnumSet.of(ModuleKind.FUNCTION);
    }
}
