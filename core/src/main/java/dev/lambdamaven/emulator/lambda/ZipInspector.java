package dev.lambdamaven.emulator.lambda;

import dev.lambdamaven.emulator.http.ApiException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a deployment package the way Lambda does before accepting it: a readable, non-empty zip whose
 * unzipped size is within the limit. Sizes are measured by inflating (declared sizes can lie, as in zip
 * bombs), stopping as soon as the limit is passed. Entries escaping the extraction root are refused.
 */
public final class ZipInspector {

    public static final long MAX_UNZIPPED = 262_144_000L;
    private static final String UNZIP_FAILED =
            "Could not unzip uploaded file. Please check your file, then try to upload again.";

    private ZipInspector() {}

    /** Returns the unzipped size; throws InvalidParameterValueException for anything Lambda would refuse. */
    public static long unzippedSize(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            if (file.size() == 0) {
                throw ApiException.invalidParameter("Uploaded file must be a non-empty zip");
            }
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                checkName(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        total += n;
                        // "smaller than": exactly the limit is refused (test_oversized_unzipped_lambda)
                        if (total >= MAX_UNZIPPED) {
                            throw ApiException.invalidParameter("Unzipped size must be smaller than "
                                    + MAX_UNZIPPED + " bytes");
                        }
                    }
                }
            }
            return total;
        } catch (ZipException e) {
            throw ApiException.invalidParameter(UNZIP_FAILED);
        } catch (NoSuchFileException e) {
            // the stored zip was collected before its reference was committed: a service error, not a bad zip
            throw new UncheckedIOException(e);
        } catch (FileNotFoundException e) { // the same, when it went before ZipFile opened it
            throw new UncheckedIOException(new NoSuchFileException(zip.toString()));
        } catch (IOException e) {
            throw ApiException.invalidParameter(UNZIP_FAILED);
        }
    }

    private static void checkName(String name) {
        String normalized = name.replace('\\', '/');
        boolean escapes = normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*");
        for (String part : normalized.split("/")) {
            escapes |= part.equals("..");
        }
        if (escapes) {
            throw ApiException.invalidParameter(UNZIP_FAILED + " (entry '" + name
                    + "' would be extracted outside the function's directory)");
        }
    }
}
