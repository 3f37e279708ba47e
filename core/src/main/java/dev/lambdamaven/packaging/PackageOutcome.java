package dev.lambdamaven.packaging;

/**
 * What a packaging run did.
 *
 * @param result        the package
 * @param unzippedSize  total size of the files inside
 * @param upToDate      {@code true} when nothing changed and the existing zip was kept
 */
public record PackageOutcome(PackageResult result, long unzippedSize, boolean upToDate) {}
