package dev.lambdamaven.emulator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The runnable emulator jar's options: {@code --port}, {@code --home}, {@code --host} and
 * {@code --invoke-java-home}, each also a {@code lambda.*} system property (the same names as the Maven goals'
 * properties); a flag wins over its property, a property over the default.
 *
 * @param port           the port to listen on
 * @param home           the state directory
 * @param host           the address to listen on
 * @param invokeJavaHome the JDK that runs Java functions, or {@code null} to pick one
 */
public record EmulatorCommandLine(int port, Path home, String host, Path invokeJavaHome) {

    public static final String PORT_PROPERTY = "lambda.emulator.port";
    public static final String HOME_PROPERTY = "lambda.emulator.home";
    public static final String HOST_PROPERTY = "lambda.emulator.host";
    public static final String INVOKE_JAVA_HOME_PROPERTY = "lambda.invoke.javaHome";
    public static final int DEFAULT_PORT = 9070;

    /** Flag to property: one table for parsing, the usage text and the error messages. */
    private static final Map<String, String> FLAGS = new LinkedHashMap<>();

    static {
        FLAGS.put("--port", PORT_PROPERTY);
        FLAGS.put("--home", HOME_PROPERTY);
        FLAGS.put("--host", HOST_PROPERTY);
        FLAGS.put("--invoke-java-home", INVOKE_JAVA_HOME_PROPERTY);
    }

    public static final String USAGE = """
            Usage: java -jar lambda-maven-plugin-<version>-emulator.jar [--port 9070] [--home DIR] [--host 127.0.0.1]
                                                                        [--invoke-java-home JDK]
              --port              port to listen on (-Dlambda.emulator.port; default 9070, 0 picks a free one)
              --home              state directory (-Dlambda.emulator.home; default ~/.lambda-emulator)
              --host              address to listen on (-Dlambda.emulator.host; default 127.0.0.1; 0.0.0.0 in a
                                  container whose port is published)
              --invoke-java-home  JDK that runs Java functions (-Dlambda.invoke.javaHome; default: this JVM or an
                                  installed JDK new enough for the function's runtime)
            Stops cleanly on Ctrl-C or SIGTERM.""";

    /** Thrown for arguments that cannot be used; the message names the flag, the value and the fix. */
    public static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }

    public static EmulatorCommandLine parse(List<String> args, Properties system) {
        Properties values = new Properties();
        for (String property : FLAGS.values()) {
            if (system.getProperty(property) != null) {
                values.setProperty(property, system.getProperty(property));
            }
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String property = FLAGS.get(flag);
            if (property == null) {
                throw new UsageException("Unknown option '" + arg + "'. The options are " + String.join(", ",
                        FLAGS.keySet()) + ".");
            }
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                    : i + 1 < args.size() ? args.get(++i) : null;
            if (value == null || value.isBlank()) {
                throw new UsageException("Option " + flag + " needs a value, e.g. " + flag + " " + example(flag) + ".");
            }
            values.setProperty(property, value);
        }
        String home = values.getProperty(HOME_PROPERTY);
        String javaHome = values.getProperty(INVOKE_JAVA_HOME_PROPERTY);
        return new EmulatorCommandLine(port(values.getProperty(PORT_PROPERTY)),
                home != null ? Path.of(home) : Path.of(system.getProperty("user.home"), ".lambda-emulator"),
                values.getProperty(HOST_PROPERTY, "127.0.0.1"),
                javaHome != null ? Path.of(javaHome) : null);
    }

    private static int port(String value) {
        if (value == null) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UsageException("--port (" + PORT_PROPERTY + ") is '" + value + "'; use a port between 1 and 65535,"
                + " e.g. --port 9070 (0 picks a free port).");
    }

    private static String example(String flag) {
        return switch (flag) {
            case "--port" -> "9070";
            case "--host" -> "127.0.0.1";
            default -> "/path/to/dir";
        };
    }
}
