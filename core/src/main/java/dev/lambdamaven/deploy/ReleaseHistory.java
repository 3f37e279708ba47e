package dev.lambdamaven.deploy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release history of one alias, kept on the target in the alias's own description, so that a CI machine
 * that starts empty finds it, and AWS, the emulator, LocalStack and moto keep it alike through the public API.
 * Written in the same UpdateAlias (or CreateAlias) call that moves the alias, guarded by its RevisionId: the
 * history and the alias cannot disagree, and of two concurrent moves one fails instead of both being recorded.
 *
 * <p>The description holds at most 256 characters; an event takes 12 to 20, so the newest 12 or more events
 * are kept and the oldest are dropped. Format: {@code lambda-maven-plugin history: r5<4@tb4k7s c6:0.1<5@tb4k9z},
 * each event {@code <kind><version>[:<weight>]<<from>@<epoch seconds, base 36>}.
 *
 * <p>Releases ({@code r}, and {@code p} when a canary is promoted) form a stack; a rollback pops it. So a
 * second rollback goes further back rather than forward, a new release after a rollback is undone back to where
 * the rollback had put the alias, and a version popped by a rollback stays "rolled back" until it is released
 * again.
 */
final class ReleaseHistory {

    static final String PREFIX = "lambda-maven-plugin history:";
    static final int MAX_LENGTH = 256;

    /** What happened to the alias. */
    enum Kind {
        RELEASE('r', "release"), CANARY('c', "canary"), PROMOTE('p', "promote"), ROLLBACK('b', "rollback");

        final char code;
        final String label;

        Kind(char code, String label) {
            this.code = code;
            this.label = label;
        }

        static Optional<Kind> of(char code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One move: the alias went to {@code version} (a canary: that version got {@code weight} of the traffic)
     * from {@code from} (the version that lost the traffic; {@code null} when the alias was created).
     */
    record Event(Kind kind, String version, Double weight, String from, Instant time) {

        String encode() {
            return String.valueOf(kind.code) + version + (weight == null ? "" : ":" + weightText(weight)) + "<"
                    + (from == null ? "-" : from) + "@" + Long.toString(time.getEpochSecond(), 36);
        }
    }

    private static final Pattern EVENT = Pattern.compile("([a-z])(\\d+)(?::([0-9.]+))?<(\\d+|-)@([0-9a-z]+)");

    private final List<Event> events;

    private ReleaseHistory(List<Event> events) {
        this.events = List.copyOf(events);
    }

    static final ReleaseHistory EMPTY = new ReleaseHistory(List.of());

    /** The history in an alias description; empty when the description holds none (or was changed by hand). */
    static ReleaseHistory parse(String description) {
        if (description == null || !description.startsWith(PREFIX)) {
            return EMPTY;
        }
        List<Event> events = new ArrayList<>();
        for (String token : description.substring(PREFIX.length()).trim().split("\\s+")) {
            Matcher m = EVENT.matcher(token);
            if (!m.matches()) {
                continue; // an unreadable event is skipped, the rest still count
            }
            Optional<Kind> kind = Kind.of(m.group(1).charAt(0));
            if (kind.isEmpty()) {
                continue;
            }
            try {
                events.add(new Event(kind.get(), m.group(2), m.group(3) == null ? null : Double.valueOf(m.group(3)),
                        m.group(4).equals("-") ? null : m.group(4), Instant.ofEpochSecond(Long.parseLong(m.group(5), 36))));
            } catch (NumberFormatException e) {
                // skipped like any unreadable event
            }
        }
        return new ReleaseHistory(events);
    }

    /** Whether {@code description} is one this class wrote (or none at all), so it may be replaced. */
    static boolean ours(String description) {
        return description == null || description.isEmpty() || description.startsWith(PREFIX);
    }

    List<Event> events() {
        return events;
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    /** A history with {@code event} added, the oldest events dropped so that the description fits. */
    ReleaseHistory with(Event event) {
        List<Event> next = new ArrayList<>(events);
        next.add(event);
        while (!next.isEmpty() && render(next).length() > MAX_LENGTH) {
            next.remove(0);
        }
        return new ReleaseHistory(next);
    }

    /** The alias description that holds this history. */
    String description() {
        return render(events);
    }

    private static String render(List<Event> events) {
        StringBuilder text = new StringBuilder(PREFIX);
        events.forEach(e -> text.append(' ').append(e.encode()));
        return text.toString();
    }

    /** The releases in effect, oldest first: what successive rollbacks return to, newest last. */
    List<String> releases() {
        return replay().stack;
    }

    /** Versions a rollback took traffic from and that no release has brought back since. */
    Set<String> rolledBack() {
        return Collections.unmodifiableSet(replay().rolledBack);
    }

    /** The rollback event that took traffic from {@code version}, if it is still rolled back. */
    Optional<Event> rollbackOf(String version) {
        if (!rolledBack().contains(version)) {
            return Optional.empty();
        }
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).kind() == Kind.ROLLBACK) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }

    /** Whether each event is still in effect (a release not rolled back since), by position. */
    List<Boolean> inEffect() {
        return replay().effective;
    }

    private record Replay(List<String> stack, Set<String> rolledBack, List<Boolean> effective) {}

    private Replay replay() {
        List<String> stack = new ArrayList<>();
        List<Integer> pushedBy = new ArrayList<>();
        Set<String> rolledBack = new HashSet<>();
        List<Boolean> effective = new ArrayList<>(Collections.nCopies(events.size(), Boolean.FALSE));
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            switch (e.kind()) {
                case RELEASE, PROMOTE -> {
                    stack.add(e.version());
                    pushedBy.add(i);
                    effective.set(i, Boolean.TRUE);
                    rolledBack.remove(e.version());
                }
                case CANARY -> effective.set(i, Boolean.TRUE);
                case ROLLBACK -> {
                    if (stack.contains(e.version())) {
                        while (!stack.get(stack.size() - 1).equals(e.version())) {
                            rolledBack.add(stack.remove(stack.size() - 1));
                            effective.set(pushedBy.remove(pushedBy.size() - 1), Boolean.FALSE);
                        }
                    } else { // back to a version older than the kept history
                        rolledBack.addAll(stack);
                        pushedBy.forEach(p -> effective.set(p, Boolean.FALSE));
                        stack.clear();
                        pushedBy.clear();
                        stack.add(e.version());
                        pushedBy.add(i);
                    }
                    if (e.from() != null && !e.from().equals(e.version())) {
                        rolledBack.add(e.from());
                    }
                    for (int j = 0; j < i; j++) { // an ended canary is no longer in effect
                        if (events.get(j).kind() == Kind.CANARY && rolledBack.contains(events.get(j).version())) {
                            effective.set(j, Boolean.FALSE);
                        }
                    }
                    effective.set(i, Boolean.TRUE);
                }
            }
        }
        return new Replay(stack, rolledBack, effective);
    }

    static String weightText(double weight) {
        return BigDecimal.valueOf(weight).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }
}
