package dev.lambdamaven.plugin;

import dev.lambdamaven.packaging.FunctionPackageRequest;
import dev.lambdamaven.packaging.FunctionPackager;
import dev.lambdamaven.packaging.FunctionRecord;
import dev.lambdamaven.packaging.PackageOutcome;
import dev.lambdamaven.packaging.PackagingException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds the function's deployment zip, {@code target/<finalName>-lambda.zip}, and attaches it to the
 * project (type {@code zip}, classifier {@code lambda}). Java runtimes: classes and resources at the root,
 * runtime jars under {@code lib/}, the handler checked against the code. Custom runtimes: an executable
 * {@code bootstrap} plus the files of {@code sourceDirectory}. Records the zip, its hash, runtime and handler in
 * {@code target/lambda/function.properties}, where the deploy goals take them from. Skip it with
 * {@code -Dlambda.package-function.skip}.
 */
@Mojo(name = "package-function", defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class PackageFunctionMojo extends AbstractPackageMojo {

    /** Lambda runtime, e.g. {@code java21} or {@code provided.al2023}. Default: from {@code maven.compiler.release}. */
    @Parameter(property = PropertyNames.RUNTIME)
    private String runtime;

    /** Handler, {@code package.Class::method}. Default: the module's only handler class. */
    @Parameter(property = PropertyNames.HANDLER)
    private String handler;

    /** Whether to check that the handler exists in the package. */
    @Parameter(property = PropertyNames.CHECK_HANDLER, defaultValue = "true")
    private boolean checkHandler;

    /** Compiled classes and resources (Java runtimes). */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    private File classesDirectory;

    /** Files copied to the zip root as they are (custom and non-Java runtimes). */
    @Parameter(defaultValue = "${project.basedir}/src/main/lambda")
    private File sourceDirectory;

    /** The custom runtime's {@code bootstrap} (script or native binary). Default: {@code sourceDirectory/bootstrap}. */
    @Parameter
    private File bootstrap;

    /** Dependencies to leave out of {@code lib/}, as {@code groupId:artifactId} ({@code *} allowed). */
    @Parameter
    private List<String> excludes = new ArrayList<>();

    /** Layer version ARNs, or artifactIds of layer modules of this build whose jars stay out of the zip. */
    @Parameter
    private List<String> layers = new ArrayList<>();

    /** Classifier of the attached zip. */
    @Parameter(defaultValue = "lambda")
    private String classifier;

    @Override
    protected Set<ModuleKind> modules() {
        return EnumSet.of(ModuleKind.FUNCTION);
    }

    @Override
    protected String classifier() {
        return classifier;
    }

    @Override
    protected String what() {
        return "Function zip";
    }

    @Override
    protected PackageOutcome build(Path zip, Instant timestamp)
            throws PackagingException, IOException, MojoFailureException, MojoExecutionException {
        FunctionPackageRequest request = request(zip, timestamp);
        PackageOutcome outcome = new FunctionPackager().packageFunction(request);
        new FunctionRecord(zip, request.runtime(), request.handler(), outcome.result().codeSha256()).write(workDirectory());
        if (!request.layerLibraries().isEmpty()) {
            getLog().info(request.layerLibraries().size() + " jar(s) provided by layers left out of the zip");
        }
        return outcome;
    }

    /** What the pom's configuration asks to package. */
    FunctionPackageRequest request(Path zip, Instant timestamp) throws MojoFailureException, MojoExecutionException {
        return new FunctionPackaging(project, session, getLog()).request(runtime, handler, checkHandler,
                classesDirectory.toPath(), excludes, layers, bootstrap, sourceDirectory, zip, timestamp, workDirectory());
    }
}
