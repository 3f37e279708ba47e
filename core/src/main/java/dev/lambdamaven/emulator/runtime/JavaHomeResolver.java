package dev.lambdamaven.emulator.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Picks the JDK that runs a Java function: its feature version must be at least the runtime's. Order: the
 * explicit {@code javaHome} (an error if too old), the JVM running the emulator when new enough, then the
 * oldest sufficient JDK among the known homes (Maven toolchains), then under the {@code candidateRoots} (by
 * default {@code /usr/lib/jvm} and {@code /usr/lib64/jvm}).
 */
public final class JavaHomeResolver {

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)", Pattern.MULTILINE);

    private final Path explicitHome;
    private final List<Path> knownHomes;
    private final List<Path> candidateRoots;

    public JavaHomeResolver(Path explicitHome, List<Path> knownHomes, List<Path> candidateRoots) {
        this.explicitHome = explicitHome;
        this.knownHomes = List.copyOf(knownHomes);
        this.candidateRoots = List.copyOf(candidateRoots);
    }

    public static JavaHomeResolver withDefaults(Path explicitHome, List<Path> knownHomes) {
        return new JavaHomeResolver(explicitHome, knownHomes,
                List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/lib64/jvm")));
    }

    /** The home of a JDK whose feature version is at least {@code minimum}. */
    public Path resolve(int minimum, String runtime) {
        if (explicitHome != null) {
            int version = featureVersion(explicitHome).orElseThrow(() -> new LocalRuntimeException(
                    "lambda.invoke.javaHome=" + explicitHome + " is not a JDK (no readable 'release' file)."
                            + " Point it at a JDK home directory."));
            if (version < minimum) {
                throw new LocalRuntimeException("lambda.invoke.javaHome=" + explicitHome + " is Java " + version
                        + " but runtime " + runtime + " needs Java " + minimum + " or newer."
                        + " Point lambda.invoke.javaHome at a newer JDK.");
            }
            return explicitHome;
        }
        if (Runtime.version().feature() >= minimum) {
            return Path.of(System.getProperty("java.home"));
        }
        return oldestSufficient(known(), minimum)
                .or(() -> oldestSufficient(scanned(), minimum))
                .orElseThrow(() -> new LocalRuntimeException("Runtime " + runtime + " needs Java " + minimum
                        + " or newer; the build runs on Java " + Runtime.version().feature() + " and no newer JDK was"
                        + " found among " + knownHomes + " or under " + candidateRoots + ". Set lambda.invoke.javaHome to a JDK " + minimum
                        + "+ home (or configure a Maven toolchain)."));
    }

    /** The {@code java} launcher of a JDK home. */
    static Path javaLauncher(Path home) {
        return home.resolve("bin").resolve("java");
    }

    private static Optional<Path> oldestSufficient(List<Candidate> candidates, int minimum) {
        return candidates.stream()
                .filter(c -> c.version >= minimum)
                .min(Comparator.comparingInt((Candidate c) -> c.version).thenComparing(c -> c.home.toString()))
                .map(c -> c.home);
    }

    private List<Candidate> known() {
        List<Candidate> found = new ArrayList<>();
        knownHomes.forEach(h -> featureVersion(h).ifPresent(v -> found.add(new Candidate(h, v))));
        return found;
    }

    private List<Candidate> scanned() {
        List<Candidate> found = new ArrayList<>();
        for (Path root : candidateRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> homes = Files.list(root)) {
                homes.filter(h -> Files.isExecutable(javaLauncher(h)))
                        .forEach(h -> featureVersion(h).ifPresent(v -> found.add(new Candidate(h, v))));
            } catch (IOException e) {
                // an unreadable root has no candidates
            }
        }
        return found;
    }

    /** The feature version from a JDK's {@code release} file ({@code JAVA_VERSION="17.0.15"} or {@code "1.8.0_412"}). */
    static Optional<Integer> featureVersion(Path home) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private record Candidate(Path home, int version) {}
}
