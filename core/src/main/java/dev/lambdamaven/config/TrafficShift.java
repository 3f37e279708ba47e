package dev.lambdamaven.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gradual move of an alias to a new version, without CodeDeploy: {@code canary 10% for 5m} (10 % of the
 * traffic for five minutes, then all of it) or {@code linear 10% every 1m} (10 % more every minute until all of
 * it). Each step is a share of traffic for the new version and how long it holds before the next one.
 * Durations are {@code ms}, {@code s}, {@code m} or {@code h}.
 */
public record TrafficShift(String text, List<Step> steps) {

    /** A share of the traffic (0 to 1 exclusive) held for {@code hold} before the next step. */
    public record Step(double weight, Duration hold) {

        public String percent() {
            return BigDecimal.valueOf(weight * 100).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString() + "%";
        }
    }

    private static final Pattern FORM = Pattern.compile(
            "(canary|linear)\\s+(\\d+(?:\\.\\d+)?)\\s*%\\s+(for|every)\\s+(\\d+)\\s*(ms|s|m|h)");

    public TrafficShift {
        steps = List.copyOf(steps);
    }

    /** Parses {@code canary <p>% for <duration>} or {@code linear <p>% every <duration>}. */
    public static TrafficShift parse(String element, String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || m.group(1).equals("canary") != m.group(3).equals("for")) {
            throw new InvalidSpecException(element, text, "use 'canary <percent>% for <duration>' (canary 10% for 5m)"
                    + " or 'linear <percent>% every <duration>' (linear 10% every 1m); durations in ms, s, m or h");
        }
        double percent = Double.parseDouble(m.group(2));
        if (percent <= 0 || percent >= 100) {
            throw new InvalidSpecException(element, text, "the share is between 0% and 100% exclusive");
        }
        Duration hold = duration(Long.parseLong(m.group(4)), m.group(5));
        if (hold.isZero()) {
            throw new InvalidSpecException(element, text, "each step holds for more than 0");
        }
        List<Step> steps = new ArrayList<>();
        if (m.group(1).equals("canary")) {
            steps.add(new Step(percent / 100, hold));
        } else {
            // integer arithmetic in hundredths of a percent, so 10% gives 10, 20, ... 90 exactly
            long stepBasis = Math.round(percent * 100);
            for (long share = stepBasis; share < 10_000; share += stepBasis) {
                steps.add(new Step(share / 10_000.0, hold));
            }
        }
        return new TrafficShift(text.trim(), steps);
    }

    private static Duration duration(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** The whole schedule: every step's hold. */
    public Duration total() {
        return steps.stream().map(Step::hold).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public String toString() {
        return text;
    }
}
