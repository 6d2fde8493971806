package dev.navi.observability.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** One occurrence of a server-side failure, before it is grouped by fingerprint. */
record ErrorEvent(
        String fingerprint,
        String errorClass,
        Severity severity,
        String component,
        UUID taskId,
        String message,
        Instant occurredAt) {

    static final int MAX_MESSAGE_CHARS = 2_000;

    enum Severity {
        CRITICAL,
        ERROR,
        WARNING;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    ErrorEvent {
        message = message == null || message.isBlank() ? errorClass : message;
        if (message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
        }
    }

    ErrorEvent withMessage(String redacted) {
        return new ErrorEvent(fingerprint, errorClass, severity, component, taskId, redacted, occurredAt);
    }

    /** Same class, component and origin: the same problem. Line numbers are left out, so a redeploy keeps it. */
    static String fingerprint(String errorClass, String component, List<String> origin) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((errorClass + "|" + component).getBytes(StandardCharsets.UTF_8));
            origin.forEach(frame -> digest.update(("|" + frame).getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
