package dev.lambdamaven.plugin;

import dev.lambdamaven.packaging.PackageOutcome;
import dev.lambdamaven.packaging.SizeLimits;
import java.nio.file.Path;
import org.apache.maven.plugin.logging.Log;

/** The one line a packaging goal logs, and the size warning. */
final class PackageLog {

    private PackageLog() {}

    static void report(Log log, String what, PackageOutcome outcome, Path basedir) {
        Path zip = outcome.result().zip();
        Path shown = zip.startsWith(basedir) ? basedir.relativize(zip) : zip;
        log.info(what + " " + shown + (outcome.upToDate() ? " is up to date" : "") + ": "
                + SizeLimits.humanSize(outcome.result().size()) + ", "
                + outcome.result().entryCount() + " entries, CodeSha256 " + outcome.result().codeSha256());
        if (outcome.aboveDirectUploadLimit()) {
            log.warn(what + " is " + SizeLimits.humanSize(outcome.result().size())
                    + " zipped, above the 50 MB direct upload limit: deploy will upload it through S3 "
                    + "(set <s3Bucket> or -Dlambda.s3Bucket for AWS).");
        }
    }
}
