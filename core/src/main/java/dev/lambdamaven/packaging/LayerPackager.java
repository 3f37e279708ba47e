package dev.lambdamaven.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * Builds a layer zip: Java jars under {@code java/lib/} (where Lambda's Java runtimes put them on the class
 * path, extracted to {@code /opt/java/lib}), plus the files of a source directory at the root for other
 * runtimes' folders.
 */
public final class LayerPackager {

    public static final String JAVA_LIB = "java/lib/";

    public PackageOutcome packageLayer(LayerPackageRequest request) throws IOException, PackagingException {
        ZipContents contents = new ZipContents();
        for (Map.Entry<String, Library> jar : FunctionPackager.libraryNames(request.libraries()).entrySet()) {
            contents.add(ZipItem.file(JAVA_LIB + jar.getKey(),
                    DirectoryFiles.readable(jar.getValue().file(), "libraries")), jar.getValue().key());
        }
        if (request.sourceDirectory() != null && Files.isDirectory(request.sourceDirectory())) {
            DirectoryFiles.addTree(contents, request.sourceDirectory(), "", "sourceDirectory");
        }
        if (contents.sorted().isEmpty()) {
            throw new PackagingException("sourceDirectory", "The layer would be empty: this module has no runtime "
                    + "jars and " + request.sourceDirectory() + " does not exist. Add the dependencies the layer "
                    + "should carry, or put its files (python/, nodejs/node_modules/, bin/, lib/) in <sourceDirectory>.");
        }
        return ZipBuild.run(contents, request.timestamp(), request.zip(), request.workDirectory(), "libraries");
    }
}
