package dev.navi.cli.internal.bench;

import dev.navi.cli.internal.UsageException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;

/** Durations as people write them on a command line: {@code 300ms}, {@code 10s}, {@code 2m}. */
final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    private static final Map<String, ChronoUnit> UNITS =
            Map.of("ms", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES);

    private Durations() {}

    static Duration parse(String option, String value, String fallback) {
        var duration = parseAtLeastZero(option, value, fallback);
        if (duration.isZero()) {
            throw new UsageException(option + " must be more than 0");
        }
        return duration;
    }

    static Duration parseAtLeastZero(String option, String value, String fallback) {
        var text = value == null ? fallback : value.strip();
        var matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new UsageException(option + " '" + text + "' is not a duration like 300ms, 10s or 2m");
        }
        var amount = Long.parseLong(matcher.group(1));
        return Duration.of(amount, UNITS.get(matcher.group(2)));
    }
}
