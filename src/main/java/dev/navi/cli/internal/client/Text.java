package dev.navi.cli.internal.client;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Short renderings of the values a person reads in the output: times, tokens, costs, abbreviated text. */
final class Text {

    private Text() {}

    /** One line of at most {@code max} characters: whitespace runs become one space, the rest is cut. */
    static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        var line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, Math.max(0, max - 3)) + "...";
    }

    /** A step's duration: {@code 12 ms}, {@code 1.4 s}, {@code 2m05s}. */
    static String millis(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return elapsed(Duration.ofMillis(ms));
    }

    /** Elapsed wall time: {@code 7s}, {@code 3m04s}, {@code 1h02m}. */
    static String elapsed(Duration duration) {
        var seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }

    /** How long ago, in the largest whole unit: {@code 5s}, {@code 3m}, {@code 2h}, {@code 4d}. */
    static String age(Instant then, Instant now) {
        var seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        return seconds < 86_400 ? seconds / 3600 + "h" : seconds / 86_400 + "d";
    }

    static String tokens(long tokens) {
        return String.format(Locale.ROOT, "%,d", tokens);
    }

    /** {@code $0.0123}, or {@code cost unknown} for a model without a known price (never $0). */
    static String cost(BigDecimal usd, boolean known) {
        if (!known || usd == null) {
            return "cost unknown";
        }
        return "$" + usd.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    /** The field as an instant, when it is one. */
    static Optional<Instant> instant(JsonNode node, String field) {
        var value = node.path(field);
        if (!value.isString()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.asString()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A text field, or {@code fallback} when it is missing or null. */
    static String string(JsonNode node, String field, String fallback) {
        var value = node.path(field);
        return value.isMissingNode() || value.isNull() ? fallback : value.asString();
    }

    static BigDecimal decimal(JsonNode node, String field) {
        var value = node.path(field);
        return value.isNumber() ? value.decimalValue() : null;
    }

    /** {@code costKnown}, true when absent (events stored before the field existed). */
    static boolean costKnown(JsonNode node) {
        return node.path("costKnown").asBoolean(true) && !node.path("costUsd").isNull();
    }
}
