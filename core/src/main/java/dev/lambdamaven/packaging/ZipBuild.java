package dev.lambdamaven.packaging;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The steps every package goes through once its entries are known: limits, up-to-date check, write, record. */
final class ZipBuild {

    private ZipBuild() {}

    static PackageOutcome run(ZipContents contents, Instant timestamp, Path zip, Path workDirectory, String parameter)
            throws IOException, PackagingException {
        List<ZipItem> items = contents.sorted();
        long unzipped = SizeLimits.checkUnzipped(items, parameter);
        UpToDateCheck upToDate = new UpToDateCheck(workDirectory, zip);
        String fingerprint = UpToDateCheck.fingerprint(items, timestamp);
        Optional<PackageResult> current = upToDate.current(zip, fingerprint);
        if (current.isPresent()) {
            return new PackageOutcome(current.get(), unzipped, true);
        }
        upToDate.forget();
        PackageResult written = new ReproducibleZipWriter(timestamp).write(items, zip);
        upToDate.record(written, fingerprint);
        return new PackageOutcome(written, unzipped, false);
    }
}
