package dev.lambdamaven.packaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entries of a zip being assembled: rejects paths that would escape the extraction directory and
 * duplicate paths, adds the parent directories, and hands the entries out sorted by name so the order of
 * the inputs never shows in the output.
 */
public final class ZipContents {

    private final Map<String, ZipItem> items = new TreeMap<>();
    private final Map<String, String> origins = new TreeMap<>();

    /** Adds a file; {@code origin} says where it came from, for the duplicate message. */
    public ZipContents add(ZipItem item, String origin) throws PackagingException {
        String name = checkedName(item.name(), origin);
        ZipItem normalized = new ZipItem(name, item.source(), item.mode());
        if (normalized.isDirectory()) {
            addDirectory(name);
            return this;
        }
        ZipItem previous = items.putIfAbsent(name, normalized);
        if (previous != null) {
            throw new PackagingException(null, "Two inputs map to the same zip entry '" + name + "': "
                    + origins.get(name) + " and " + origin
                    + ". Rename or exclude one of them so that each path in the zip is unique.");
        }
        origins.put(name, origin);
        addParents(name);
        return this;
    }

    /** Adds a file from disk. */
    public ZipContents add(String name, Path source, int mode) throws PackagingException {
        return add(new ZipItem(name, source, mode), source.toString());
    }

    /** Replaces an entry already added, keeping its origin. */
    void replace(ZipItem item) {
        items.replace(item.name(), item);
    }

    public boolean contains(String name) {
        return items.containsKey(name);
    }

    /** Entries in the order they are written: sorted by name. */
    public List<ZipItem> sorted() {
        return Collections.unmodifiableList(new ArrayList<>(items.values()));
    }

    private void addParents(String name) {
        int slash = name.lastIndexOf('/', name.endsWith("/") ? name.length() - 2 : name.length() - 1);
        if (slash > 0) {
            addDirectory(name.substring(0, slash + 1));
        }
    }

    private void addDirectory(String name) {
        if (items.putIfAbsent(name, ZipItem.directory(name)) == null) {
            addParents(name);
        }
    }

    private static String checkedName(String raw, String origin) throws PackagingException {
        String name = raw.replace('\\', '/');
        boolean directory = name.endsWith("/");
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw new PackagingException(null, "Zip entry '" + raw + "' from " + origin
                    + " is an absolute path. Entries must be relative to the zip root.");
        }
        StringBuilder clean = new StringBuilder();
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new PackagingException(null, "Zip entry '" + raw + "' from " + origin
                        + " contains '..' and would escape the directory Lambda extracts to. "
                        + "Use a path inside the package.");
            }
            if (clean.length() > 0) {
                clean.append('/');
            }
            clean.append(segment);
        }
        if (clean.length() == 0) {
            throw new PackagingException(null, "Empty zip entry name from " + origin + ".");
        }
        return directory ? clean + "/" : clean.toString();
    }
}
