package dev.lambdamaven.packaging;

import java.nio.file.Path;

/**
 * A written package.
 *
 * @param zip         where it is
 * @param size        its size in bytes
 * @param entryCount  number of zip entries, directories included
 * @param codeSha256  base64 of the SHA-256 of the zip, as Lambda reports {@code CodeSha256}
 */
public record PackageResult(Path zip, long size, int entryCount, String codeSha256) {}
