package dev.lambdamaven.plugin;

import dev.lambdamaven.deploy.Deployer;
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
        if (outcome.result().size() > Deployer.DIRECT_UPLOAD_LIMIT) {
            log.warn(what + " is " + SizeLimits.humanSize(outcome.result().size()) + " zipped, above what Lambda"
                    + " takes in a request (" + SizeLimits.humanSize(Deployer.DIRECT_UPLOAD_LIMIT) + "): deploy will"
                    + " upload it through S3 (on AWS set <s3Bucket> or -Dlambda.s3Bucket; on the emulator the"
                    + " plugin uses a bucket of its own).");
        }
    }
}
