package dev.lambdamaven.plugin;

import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.deploy.DeployLog;
import dev.lambdamaven.deploy.Deployer;
import dev.lambdamaven.dev.DevBuild;
import dev.lambdamaven.dev.DevFiles;
import dev.lambdamaven.dev.DevLoop;
import dev.lambdamaven.dev.JavaCompilation;
import dev.lambdamaven.dev.SourceWatcher;
import dev.lambdamaven.emulator.EmulatorOptions;
import dev.lambdamaven.emulator.EmulatorServer;
import dev.lambdamaven.emulator.EndpointFile;
import dev.lambdamaven.emulator.ShutdownLatch;
import dev.lambdamaven.packaging.FunctionPackageRequest;
import dev.lambdamaven.packaging.FunctionRecord;
import dev.lambdamaven.packaging.RuntimeFamily;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * A development loop, {@code mvn lambda:dev}: builds the module once through Maven (up to process-classes), then
 * watches its sources and resources; on every change it recompiles (the JDK's compiler, in this JVM), packages as
 * package-function does, and updates the function's {@code $LATEST} on the target (by default the emulator:
 * the running one, or one this goal serves until Ctrl-C), publishing nothing. Invokes stay served in between,
 * from this build's emulator or another terminal ({@code mvn lambda:invoke -Dlambda.qualifier=$LATEST}, the AWS
 * CLI). With {@code -Dlambda.payload} or {@code -Dlambda.payloadFile} each change is also invoked.
 */
@Mojo(name = "dev", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class DevMojo extends AbstractFunctionMojo {

    /** Whether to check at each change that the handler exists. */
    @Parameter(property = PropertyNames.CHECK_HANDLER, defaultValue = "true")
    private boolean checkHandler;

    /** Dependencies to leave out of {@code lib/}, as for package-function. */
    @Parameter
    private List<String> excludes = new ArrayList<>();

    /** Files copied to the zip root as they are (custom runtimes), watched too. */
    @Parameter(defaultValue = "${project.basedir}/src/main/lambda")
    private File sourceDirectory;

    /** The custom runtime's {@code bootstrap}. Default: {@code sourceDirectory/bootstrap}. */
    @Parameter
    private File bootstrap;

    /** What Maven compiled at start-up; lambda:dev compiles into a directory of its own. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classesDirectory;

    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /** An event to invoke {@code $LATEST} with after each change, as JSON. */
    @Parameter(property = PropertyNames.PAYLOAD)
    private String payload;

    /** A file holding that event, instead of {@code payload}. */
    @Parameter(property = PropertyNames.PAYLOAD_FILE)
    private File payloadFile;

    /** How often the sources are scanned for changes, in milliseconds. */
    @Parameter(property = PropertyNames.DEV_POLL, defaultValue = "100")
    private int pollMillis;

    @Component
    private ToolchainManager devToolchains;

    @Override
    protected Set<ModuleKind> modules() {
        return EnumSet.of(ModuleKind.FUNCTION);
    }

    @Override
    protected boolean inSummary() {
        return false;
    }

    /** lambda:dev's own zip, beside its classes: the build's zip is left as package-function wrote it. */
    private Path devZip() {
        return devDirectory().resolve(project.getBuild().getFinalName() + "-dev.zip");
    }

    @Override
    protected void deploy() throws MojoFailureException, MojoExecutionException {
        if (pollMillis < 10) {
            throw new MojoFailureException("<pollMillis> (" + PropertyNames.DEV_POLL + ") is " + pollMillis
                    + "; use 10 or more, e.g. -D" + PropertyNames.DEV_POLL + "=100");
        }
        byte[] event = Payloads.read("payload", payload, "payloadFile", payloadFile);
        FunctionPackageRequest request = packageRequest();
        if (handler == null) {
            handler = request.handler();
        }
        try (ShutdownLatch exit = new ShutdownLatch("lambda-dev-ctrl-c");
                EmulatorServer.Announced own = emulatorForTheLoop()) {
            Target resolved = resolveTarget();
            FunctionSpec spec = functionSpec(resolved, new FunctionRecord(request.zip(), request.runtime(),
                    request.handler(), null));
            DeployLog log = new MavenDeployLog(getLog());
            try (Deployer deployer = openDeployer(resolved)) {
                CompilerOptions compiler = CompilerOptions.of(project);
                JavaCompilation compilation = RuntimeFamily.of(request.runtime()) == RuntimeFamily.JAVA
                        ? new JavaCompilation(project.getCompileSourceRoots().stream().map(Path::of).toList(),
                                compileClassPath(), compiler.options(), compiler.encoding())
                        : null;
                List<Path> resources = new ArrayList<>(resourceRoots(false));
                resources.add(filteredResources());
                DevBuild build = new DevBuild(compilation, resources, request);
                new DevLoop(new SourceWatcher(watched()), build, zip -> spec, deployer, event, log,
                        Duration.ofMillis(pollMillis)).run(exit::stopping);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The request package-function would make, packaging lambda:dev's classes: the handler is resolved against
     * what Maven compiled at start-up, as the staging directory is still empty.
     */
    private FunctionPackageRequest packageRequest() throws MojoFailureException, MojoExecutionException {
        FunctionPackageRequest atStart = new FunctionPackaging(project, session, getLog()).request(runtime, handler,
                checkHandler, classesDirectory.toPath(), excludes, layers, bootstrap, sourceDirectory, devZip(),
                OutputTimestamp.parse(outputTimestamp), devDirectory());
        Path classes = devDirectory().resolve("classes");
        try {
            copyFiltered(filteredResources());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot prepare " + devDirectory() + ": " + e.getMessage(), e);
        }
        return new FunctionPackageRequest(atStart.runtime(), atStart.handler(), classes, atStart.libraries(),
                atStart.layerLibraries(), atStart.bootstrap(), atStart.sourceDirectory(), atStart.timestamp(),
                atStart.zip(), atStart.workDirectory());
    }

    /** With target emulator and no endpoint: the emulator serving the state directory, or one of this goal's. */
    private EmulatorServer.Announced emulatorForTheLoop() throws MojoExecutionException {
        if (!"emulator".equalsIgnoreCase(target) || (endpoint != null && !endpoint.isBlank())) {
            return null;
        }
        try {
            Path dir = Files.createDirectories(emulatorHome.toPath()).toRealPath();
            Optional<URI> running = EndpointFile.running(dir);
            if (running.isPresent()) {
                getLog().info("Using the Lambda emulator at " + running.get() + " (state: " + dir + ")");
                endpoint = running.get().toString();
                return null;
            }
            EmulatorServer.Announced own = EmulatorServer.start(EmulatorOptions.builder().stateDir(dir).port(0)
                    .warmAfterUpdate(true)
                    .functionRuntime(LocalInvoke.of(invokeJavaHome, devToolchains, session).runtimeFor(dir)).build(),
                    getLog()::info);
            endpoint = own.endpoint().toString();
            return own;
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot start the Lambda emulator on " + emulatorHome + ": "
                    + e.getMessage(), e);
        }
    }

    private List<Path> compileClassPath() throws MojoExecutionException {
        try {
            return project.getCompileClasspathElements().stream().map(Path::of)
                    .filter(p -> !p.equals(classesDirectory.toPath())).toList();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The compile class path is not resolved: " + e.getMessage(), e);
        }
    }

    private List<Path> resourceRoots(boolean filtered) {
        return project.getResources().stream().filter(r -> r.isFiltering() == filtered)
                .map(Resource::getDirectory).map(Path::of).toList();
    }

    private List<Path> watched() {
        List<Path> roots = new ArrayList<>(project.getCompileSourceRoots().stream().map(Path::of).toList());
        roots.addAll(resourceRoots(false));
        roots.add(sourceDirectory.toPath());
        if (bootstrap != null && bootstrap.getParentFile() != null) {
            roots.add(bootstrap.getParentFile().toPath());
        }
        return roots;
    }

    /** Copies what Maven made of the filtered resources at start-up, as it filtered them. */
    private void copyFiltered(Path into) throws IOException {
        List<Path> filtered = resourceRoots(true);
        if (!filtered.isEmpty()) {
            getLog().info("Filtered resources (" + filtered + ") are used as the start-up build filtered them;"
                    + " restart lambda:dev after changing them");
            DevFiles.copyCounterparts(filtered, classesDirectory.toPath(), into);
        }
    }

    /** Resources Maven filtered at start-up, copied as it filtered them (not watched). */
    private Path filteredResources() {
        return devDirectory().resolve("filtered");
    }

    private Path devDirectory() {
        return LayerModules.workDirectory(project).resolve("dev");
    }

}
