package dev.navi.observability.internal;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code error_events}: one distinct problem with its occurrence count. */
record ErrorEventRow(
        UUID id,
        String fingerprint,
        String errorClass,
        String severity,
        String component,
        UUID taskId,
        String message,
        Instant firstSeen,
        Instant lastSeen,
        long count,
        boolean resolved,
        Instant resolvedAt) {}
