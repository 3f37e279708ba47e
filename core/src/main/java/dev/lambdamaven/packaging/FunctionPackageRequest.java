package dev.lambdamaven.packaging;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Everything {@link FunctionPackager} needs.
 *
 * @param runtime           Lambda runtime identifier; decides the layout
 * @param handler           the handler to check, or {@code null} to skip the check
 * @param classesDirectory  compiled classes and resources (Java)
 * @param libraries         runtime jars to put under {@code lib/} (Java)
 * @param layerLibraries    jars that layers provide: not packaged, but visible to the handler check
 * @param bootstrap         the custom runtime's {@code bootstrap} (may be {@code null}: then looked for in
 *                          {@code sourceDirectory})
 * @param sourceDirectory   files copied to the zip root as they are (custom and non-Java runtimes); may not exist
 * @param timestamp         entry time
 * @param zip               where to write
 * @param workDirectory     where to keep the up-to-date record
 */
public record FunctionPackageRequest(
        String runtime,
        String handler,
        Path classesDirectory,
        List<Library> libraries,
        List<Library> layerLibraries,
        Path bootstrap,
        Path sourceDirectory,
        Instant timestamp,
        Path zip,
        Path workDirectory) {}
