package dev.navi.cli.internal.validate;

import java.time.Duration;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** {@code 300ms}, {@code 10s}, {@code 2m} (a bare number is seconds), as the configuration writes them. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    @Override
    public Duration convert(String value) {
        var matcher = DURATION.matcher(value.strip());
        if (!matcher.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration like 300ms, 10s or 2m");
        }
        var amount = Long.parseLong(matcher.group(1));
        var unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
