package dev.lambdamaven.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a function's deployment package: for Java runtimes the compiled classes and resources at the
 * root and the runtime jars under {@code lib/}; for custom runtimes an executable {@code bootstrap} and
 * the files of the source directory; for other runtimes the source directory as it is. Checks the handler
 * before writing anything.
 */
public final class FunctionPackager {

    public PackageOutcome packageFunction(FunctionPackageRequest request) throws IOException, PackagingException {
        ZipContents contents = new ZipContents();
        switch (RuntimeFamily.of(request.runtime())) {
            case JAVA -> addJava(contents, request);
            case CUSTOM -> addCustom(contents, request);
            case OTHER -> addDirectory(contents, request, true);
        }
        return ZipBuild.run(contents, request.timestamp(), request.zip(), request.workDirectory(), "runtime");
    }

    private static void addJava(ZipContents contents, FunctionPackageRequest request)
            throws IOException, PackagingException {
        Path classes = request.classesDirectory();
        if (classes == null || !Files.isDirectory(classes)) {
            throw new PackagingException("classesDirectory", "No compiled classes at " + classes
                    + ". Run package-function in the package phase (mvn package), after compile, "
                    + "or point <classesDirectory> at the compiled classes.");
        }
        if (request.handler() != null) {
            List<Path> jars = new ArrayList<>();
            request.libraries().forEach(l -> jars.add(l.file()));
            request.layerLibraries().forEach(l -> jars.add(l.file()));
            new JavaHandlerCheck(classes, jars).check(request.handler());
        }
        DirectoryFiles.addTree(contents, classes, "", "classesDirectory");
        for (Map.Entry<String, Library> jar : libraryNames(request.libraries()).entrySet()) {
            contents.add(ZipItem.file("lib/" + jar.getKey(),
                    DirectoryFiles.readable(jar.getValue().file(), "libraries")), jar.getValue().key());
        }
    }

    /** Jar file names under {@code lib/}; two jars with one file name are told apart by their groupId. */
    static Map<String, Library> libraryNames(List<Library> libraries) {
        Map<String, Integer> counts = new HashMap<>();
        libraries.forEach(l -> counts.merge(l.fileName(), 1, Integer::sum));
        Map<String, Library> names = new java.util.TreeMap<>();
        for (Library library : libraries) {
            String name = counts.get(library.fileName()) > 1 ? library.groupId() + "-" + library.fileName()
                    : library.fileName();
            names.put(name, library);
        }
        return names;
    }

    private static void addCustom(ZipContents contents, FunctionPackageRequest request)
            throws IOException, PackagingException {
        Path bootstrap = request.bootstrap() != null ? request.bootstrap()
                : request.sourceDirectory() == null ? null : request.sourceDirectory().resolve("bootstrap");
        if (bootstrap == null || !Files.isRegularFile(bootstrap)) {
            throw new PackagingException("bootstrap", "Runtime " + request.runtime()
                    + " needs an executable file named bootstrap at the package root, and there is none at "
                    + bootstrap + ". Set <bootstrap> to your script or native binary, or put it in "
                    + request.sourceDirectory() + ".");
        }
        if (DirectoryFiles.supportsPosix(bootstrap) && !Files.isExecutable(bootstrap)) {
            throw new PackagingException("bootstrap", "The bootstrap " + bootstrap
                    + " is not executable, so Lambda could not start it. Run: chmod +x " + bootstrap);
        }
        if (request.bootstrap() != null) {
            contents.add(new ZipItem("bootstrap", DirectoryFiles.readable(bootstrap, "bootstrap"),
                    ZipItem.EXECUTABLE_MODE), bootstrap.toString());
        }
        addDirectory(contents, request, request.bootstrap() == null);
    }

    private static void addDirectory(ZipContents contents, FunctionPackageRequest request, boolean required)
            throws IOException, PackagingException {
        Path source = request.sourceDirectory();
        if (source != null && Files.isDirectory(source)) {
            DirectoryFiles.addTree(contents, source, "", "sourceDirectory");
            if (contents.contains("bootstrap") && RuntimeFamily.of(request.runtime()) == RuntimeFamily.CUSTOM) {
                forceExecutableBootstrap(contents, source.resolve("bootstrap"));
            }
        } else if (required) {
            throw new PackagingException("sourceDirectory", "Runtime " + request.runtime()
                    + " packages the files of <sourceDirectory>, and " + source + " does not exist. "
                    + "Create it or point <sourceDirectory> at the function's files.");
        }
    }

    private static void forceExecutableBootstrap(ZipContents contents, Path bootstrap) {
        // the executable bit was checked above; the zip always carries 0755 for bootstrap
        contents.replace(new ZipItem("bootstrap", bootstrap, ZipItem.EXECUTABLE_MODE));
    }
}
