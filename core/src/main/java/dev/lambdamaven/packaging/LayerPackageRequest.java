package dev.lambdamaven.packaging;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Everything {@link LayerPackager} needs.
 *
 * @param libraries        jars to put under {@code java/lib/} (the module's runtime jars, and its own jar)
 * @param sourceDirectory  files copied to the zip root as they are ({@code python/}, {@code nodejs/node_modules/},
 *                         {@code bin/}, {@code lib/}); may not exist
 * @param timestamp        entry time
 * @param zip              where to write
 * @param workDirectory    where to keep the up-to-date record
 */
public record LayerPackageRequest(
        List<Library> libraries,
        Path sourceDirectory,
        Instant timestamp,
        Path zip,
        Path workDirectory) {}
