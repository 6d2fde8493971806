package dev.navi.observability.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * W3C trace context of one request: the caller's trace id (or a new one) and a new span id for the
 * work done here. Parses {@code traceparent} as the W3C Trace Context recommendation says: version
 * {@code ff} and all-zero ids are invalid; a future version is read by its first four fields.
 */
record TraceContext(String traceId, String spanId, String flags) {

    static final String HEADER = "traceparent";
    private static final Pattern TRACEPARENT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String NOT_SAMPLED = "00";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Continues the caller's trace, or starts a new one when the header is absent or invalid. */
    static TraceContext continueOrStart(String traceparent) {
        var parent = parse(traceparent);
        return new TraceContext(
                parent.map(TraceContext::traceId).orElseGet(() -> randomHex(16)),
                randomHex(8),
                parent.map(TraceContext::flags).orElse(NOT_SAMPLED));
    }

    static Optional<TraceContext> parse(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        var matcher = TRACEPARENT.matcher(traceparent.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        var version = matcher.group(1);
        boolean validVersion = !version.equals("ff") && (!version.equals("00") || matcher.group(5) == null);
        var traceId = matcher.group(2);
        var spanId = matcher.group(3);
        if (!validVersion || isZero(traceId) || isZero(spanId)) {
            return Optional.empty();
        }
        return Optional.of(new TraceContext(traceId, spanId, matcher.group(4)));
    }

    String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static boolean isZero(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }

    private static String randomHex(int bytes) {
        var value = new byte[bytes];
        do {
            RANDOM.nextBytes(value);
        } while (isZero(HexFormat.of().formatHex(value)));
        return HexFormat.of().formatHex(value);
    }
}
