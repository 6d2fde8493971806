package dev.navi.cli.internal.readiness;

import dev.navi.cli.internal.UsageException;
import java.time.Duration;
import java.util.regex.Pattern;

/** Durations as NAVI's settings write them: {@code 300ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 7d}. */
final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {}

    static Duration parse(String option, String value) {
        var matcher = DURATION.matcher(value.strip());
        if (!matcher.matches()) {
            throw new UsageException(option + " '" + value + "' is not a duration like 300ms, 10s, 5m, 2h or 7d");
        }
        var amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalStateException("unreachable: the pattern allows no other unit");
        };
    }
}
