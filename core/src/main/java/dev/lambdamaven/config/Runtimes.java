package dev.lambdamaven.config;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every runtime identifier Lambda accepts, with its lifecycle: the date Lambda deprecates it, blocks creating
 * functions on it, and blocks updating them. One table, so that a plan refuses what the service would refuse
 * before any call.
 *
 * <p>Sources: the {@code Runtime} enum of the Lambda service model (botocore 1.43, the same model the AWS SDK
 * for Java v2 is generated from); the block dates of retired runtimes from cfn-lint's
 * {@code LmbdRuntimeLifecycle.json} (maintained by AWS); projected deprecation dates of supported runtimes from
 * the "Lambda runtimes" page of the Lambda developer guide. A {@code null} date is one AWS has not announced.
 */
public final class Runtimes {

    /** One runtime's lifecycle; {@code successor} is what to move to. */
    public record Lifecycle(String id, LocalDate deprecated, LocalDate createBlocked, LocalDate updateBlocked,
                            String successor) {

        public boolean deprecatedOn(LocalDate day) {
            return deprecated != null && !day.isBefore(deprecated);
        }

        public boolean createBlockedOn(LocalDate day) {
            return createBlocked != null && !day.isBefore(createBlocked);
        }

        public boolean updateBlockedOn(LocalDate day) {
            return updateBlocked != null && !day.isBefore(updateBlocked);
        }
    }

    /** Runtimes deprecated without announced block dates (no longer in Lambda's supported list). */
    private static final LocalDate UNDATED = LocalDate.MIN;

    private static final Map<String, Lifecycle> TABLE = new LinkedHashMap<>();

    static {
        // supported, with the projected deprecation date
        supported("java25", "2029-06-30", "java25");
        supported("java21", "2029-06-30", "java25");
        supported("java17", "2027-06-30", "java21");
        supported("java11", "2027-06-30", "java21");
        supported("java8.al2", "2027-06-30", "java21");
        supported("python3.14", "2029-06-30", "python3.14");
        supported("python3.13", "2029-06-30", "python3.14");
        supported("python3.12", "2028-10-31", "python3.14");
        supported("python3.11", "2027-06-30", "python3.14");
        supported("python3.10", "2026-10-31", "python3.14");
        supported("nodejs24.x", "2028-04-30", "nodejs24.x");
        supported("nodejs22.x", "2027-04-30", "nodejs24.x");
        supported("dotnet10", "2028-11-14", "dotnet10");
        supported("dotnet8", "2026-11-10", "dotnet10");
        supported("ruby4.0", "2029-03-31", "ruby4.0");
        supported("ruby3.4", "2028-03-31", "ruby4.0");
        supported("ruby3.3", "2027-03-31", "ruby4.0");
        supported("provided.al2023", "2029-06-30", "provided.al2023");
        // deprecated, no longer in the supported list; block dates not announced here
        retired("python3.9", null, null, null, "python3.14");
        retired("nodejs20.x", null, null, null, "nodejs24.x");
        retired("ruby3.2", null, null, null, "ruby4.0");
        retired("provided.al2", null, null, null, "provided.al2023");
        // retired, with Lambda's dates: deprecated, create blocked, update blocked
        retired("dotnet6", "2024-11-12", "2025-10-01", "2025-11-01", "dotnet10");
        retired("dotnet7", "2024-05-14", "2024-05-14", "2024-05-14", "dotnet10");
        retired("dotnetcore1.0", "2019-06-27", "2019-07-30", "2019-07-30", "dotnet10");
        retired("dotnetcore2.0", "2019-05-30", "2019-05-30", "2019-05-30", "dotnet10");
        retired("dotnetcore2.1", "2022-01-05", "2022-01-05", "2022-04-13", "dotnet10");
        retired("dotnetcore3.1", "2023-04-03", "2023-04-03", "2023-05-03", "dotnet10");
        retired("go1.x", "2024-01-08", "2024-02-08", "2025-11-01", "provided.al2023");
        retired("java8", "2024-01-08", "2024-02-08", "2025-11-01", "java21 (or java8.al2)");
        retired("provided", "2024-01-08", "2024-02-08", "2025-11-01", "provided.al2023");
        retired("nodejs", "2016-10-31", "2016-10-31", "2016-10-31", "nodejs24.x");
        retired("nodejs4.3", "2020-03-05", "2020-03-05", "2020-03-05", "nodejs24.x");
        retired("nodejs4.3-edge", "2020-03-05", "2019-04-30", "2019-04-30", "nodejs24.x");
        retired("nodejs6.10", "2019-08-12", "2019-08-12", "2019-08-12", "nodejs24.x");
        retired("nodejs8.10", "2020-03-06", "2020-03-06", "2020-03-06", "nodejs24.x");
        retired("nodejs10.x", "2021-07-30", "2021-07-30", "2022-02-14", "nodejs24.x");
        retired("nodejs12.x", "2023-03-31", "2023-03-31", "2023-04-30", "nodejs24.x");
        retired("nodejs14.x", "2023-12-04", "2024-07-09", "2025-11-01", "nodejs24.x");
        retired("nodejs16.x", "2024-06-12", "2025-10-01", "2025-11-01", "nodejs24.x");
        retired("nodejs18.x", "2025-07-31", "2025-10-01", "2025-11-01", "nodejs24.x");
        retired("python2.7", "2021-07-15", "2021-07-15", "2022-05-30", "python3.14");
        retired("python3.6", "2022-07-18", "2022-07-18", "2022-08-29", "python3.14");
        retired("python3.7", "2023-12-04", "2024-01-09", "2025-11-01", "python3.14");
        retired("python3.8", "2024-10-14", "2025-10-01", "2025-11-01", "python3.14");
        retired("ruby2.5", "2021-07-30", "2021-07-30", "2022-03-31", "ruby4.0");
        retired("ruby2.7", "2023-12-07", "2024-01-09", "2025-11-01", "ruby4.0");
    }

    private Runtimes() {}

    private static void supported(String id, String deprecation, String successor) {
        TABLE.put(id, new Lifecycle(id, LocalDate.parse(deprecation), null, null, successor));
    }

    private static void retired(String id, String deprecated, String createBlocked, String updateBlocked,
                                String successor) {
        TABLE.put(id, new Lifecycle(id, deprecated == null ? UNDATED : LocalDate.parse(deprecated),
                date(createBlocked), date(updateBlocked), successor));
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    /** The runtime's lifecycle, if Lambda knows the identifier. */
    public static Optional<Lifecycle> find(String runtime) {
        return Optional.ofNullable(TABLE.get(runtime));
    }

    /**
     * The runtime's lifecycle.
     *
     * @throws InvalidSpecException naming {@code element} and the current runtimes when Lambda has no such runtime
     */
    public static Lifecycle require(String element, String runtime) {
        return find(runtime).orElseThrow(() -> new InvalidSpecException(element, runtime,
                "Lambda has no such runtime; use one of " + current()));
    }

    /** Whether a deprecation has a known date (not one of the undated retired runtimes). */
    public static boolean dated(Lifecycle lifecycle) {
        return !UNDATED.equals(lifecycle.deprecated());
    }

    private static String current() {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        return String.join(", ", TABLE.values().stream().filter(l -> !l.deprecatedOn(today))
                .map(Lifecycle::id).toList());
    }
}
