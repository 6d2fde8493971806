package dev.navi.cli.internal.validate;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Numbers for people: durations, percentiles (nearest rank), money, ratios. */
final class Format {

    private Format() {}

    static String duration(Duration duration) {
        var ms = duration.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String ms(long ms) {
        return duration(Duration.ofMillis(ms));
    }

    static String usd(double usd) {
        return String.format(Locale.ROOT, "$%.4f", usd);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    /** The nearest-rank percentile ({@code p} in 0–100) of the values; empty without values. */
    static Optional<Long> percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        var sorted = values.stream().sorted().toList();
        var rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(0, rank - 1)));
    }
}
