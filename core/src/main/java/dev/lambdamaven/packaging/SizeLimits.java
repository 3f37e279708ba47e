package dev.lambdamaven.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Lambda's deployment package quotas. */
public final class SizeLimits {

    /** Largest unzipped size of function code plus all its layers. */
    public static final long UNZIPPED_BYTES = 262_144_000L;

    private SizeLimits() {}

    /** Fails when the files to zip add up to more than Lambda unzips, naming the largest ones. */
    public static long checkUnzipped(List<ZipItem> items, String parameter) throws IOException, PackagingException {
        long total = 0;
        List<Sized> sized = new ArrayList<>();
        for (ZipItem item : items) {
            if (!item.isDirectory()) {
                long size = Files.size(item.source());
                total += size;
                sized.add(new Sized(item.name(), size));
            }
        }
        if (total > UNZIPPED_BYTES) {
            String largest = sized.stream()
                    .sorted(Comparator.comparingLong(Sized::size).reversed())
                    .limit(5)
                    .map(s -> s.name + " (" + humanSize(s.size) + ")")
                    .collect(Collectors.joining(", "));
            throw new PackagingException(parameter, "The package would be " + humanSize(total)
                    + " unzipped, above Lambda's limit of " + humanSize(UNZIPPED_BYTES)
                    + " (262144000 bytes, code and layers together). Largest entries: " + largest
                    + ". Move dependencies to a layer, exclude what the function does not need, "
                    + "or use a container image.");
        }
        return total;
    }

    /** A size for people: {@code 812 B}, {@code 12.0 kB}, {@code 45.3 MB}. */
    public static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f kB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private record Sized(String name, long size) {}
}
