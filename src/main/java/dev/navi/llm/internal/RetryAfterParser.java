package dev.navi.llm.internal;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the wait a provider asks for: {@code retry-after-ms}, {@code retry-after} (seconds or HTTP
 * date), then the vendor reset headers (Anthropic RFC 3339 instants, OpenAI durations like {@code 6m0s}).
 */
final class RetryAfterParser {

    private static final List<String> ANTHROPIC_RESETS =
            List.of("anthropic-ratelimit-requests-reset", "anthropic-ratelimit-tokens-reset");
    private static final List<String> OPENAI_RESETS = List.of("x-ratelimit-reset-requests", "x-ratelimit-reset-tokens");
    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|h|m|s)");

    private final Clock clock;

    RetryAfterParser(Clock clock) {
        this.clock = clock;
    }

    Optional<Duration> parse(HttpHeaders headers) {
        return headers.firstValue("retry-after-ms")
                .flatMap(RetryAfterParser::milliseconds)
                .or(() -> headers.firstValue("retry-after").flatMap(this::retryAfter))
                .or(() -> firstParsed(headers, ANTHROPIC_RESETS, this::untilRfc3339))
                .or(() -> firstParsed(headers, OPENAI_RESETS, RetryAfterParser::goDuration));
    }

    /** Seconds (integer or decimal) or an HTTP date. */
    Optional<Duration> retryAfter(String value) {
        String trimmed = value.trim();
        try {
            return Optional.of(nonNegative(seconds(new BigDecimal(trimmed))));
        } catch (NumberFormatException notANumber) {
            return until(
                    trimmed,
                    text -> ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
        }
    }

    Optional<Duration> untilRfc3339(String value) {
        return until(value.trim(), text -> OffsetDateTime.parse(text).toInstant());
    }

    /** A Go duration as OpenAI sends it: {@code 1s}, {@code 6m0s}, {@code 20ms}, {@code 1h2m3.5s}. */
    static Optional<Duration> goDuration(String value) {
        String trimmed = value.trim();
        Matcher matcher = GO_DURATION_PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            total = total.plus(unit(new BigDecimal(matcher.group(1)), matcher.group(2)));
            end = matcher.end();
        }
        return end > 0 && end == trimmed.length() ? Optional.of(total) : Optional.empty();
    }

    private static Optional<Duration> milliseconds(String value) {
        try {
            return Optional.of(nonNegative(unit(new BigDecimal(value.trim()), "ms")));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private Optional<Duration> until(String text, Function<String, Instant> parser) {
        try {
            return Optional.of(nonNegative(Duration.between(clock.instant(), parser.apply(text))));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> firstParsed(
            HttpHeaders headers, List<String> names, Function<String, Optional<Duration>> parser) {
        return names.stream()
                .flatMap(name -> headers.firstValue(name).flatMap(parser).stream())
                .findFirst();
    }

    private static Duration unit(BigDecimal amount, String unit) {
        BigDecimal nanosPerUnit = switch (unit) {
            case "h" -> BigDecimal.valueOf(3_600_000_000_000L);
            case "m" -> BigDecimal.valueOf(60_000_000_000L);
            case "s" -> BigDecimal.valueOf(1_000_000_000L);
            case "ms" -> BigDecimal.valueOf(1_000_000L);
            case "us", "µs" -> BigDecimal.valueOf(1_000L);
            default -> BigDecimal.ONE;
        };
        return Duration.ofNanos(amount.multiply(nanosPerUnit).longValue());
    }

    private static Duration seconds(BigDecimal seconds) {
        return unit(seconds, "s");
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
