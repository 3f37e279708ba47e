package dev.lambdamaven;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Where test code is on this module's class path: its own test classes, and lambda-core's test jar (which ArchUnit's
 * own {@link ImportOption.DoNotIncludeTests} takes for main code, as it looks for test-classes directories only).
 */
final class TestCode {

    private static final ImportOption TEST_DIRECTORIES = new ImportOption.OnlyIncludeTests();

    private TestCode() {}

    static boolean contains(Location location) {
        return TEST_DIRECTORIES.includes(location) || location.contains("-tests.jar");
    }

    /** The plugin's and lambda-core's main classes. */
    static final class Excluded implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !contains(location);
        }
    }

    /** This module's tests and lambda-core's. */
    static final class Only implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return contains(location);
        }
    }
}
