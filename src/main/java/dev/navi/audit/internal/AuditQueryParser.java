package dev.navi.audit.internal;

import dev.navi.audit.AuditAction;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The query parameters of {@code GET /api/v1/audit}, each refused with the field it came from. */
final class AuditQueryParser {

    private AuditQueryParser() {}

    static AuditStore.AuditQuery parse(
            String action, String tenant, String subject, String from, String to, String cursor) {
        var query = new AuditStore.AuditQuery(
                action(action),
                nonBlank("tenant", tenant),
                nonBlank("subject", subject),
                instant("from", from),
                instant("to", to),
                cursor(cursor));
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw new InvalidAuditQueryException("from", "from must not be after to");
        }
        return query;
    }

    static int limit(String limit, AuditProperties properties) {
        if (limit == null) {
            return properties.pageSize();
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= properties.maxPageSize()) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidAuditQueryException(
                "limit", "limit must be an integer between 1 and " + properties.maxPageSize());
    }

    private static AuditAction action(String action) {
        if (action == null) {
            return null;
        }
        try {
            return AuditAction.fromWireName(action.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidAuditQueryException(
                    "action",
                    "action must be one of "
                            + Arrays.stream(AuditAction.values())
                                    .map(AuditAction::wireName)
                                    .collect(Collectors.joining(", ")));
        }
    }

    private static String nonBlank(String field, String value) {
        if (value != null && value.isBlank()) {
            throw new InvalidAuditQueryException(field, field + " must not be empty");
        }
        return value;
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidAuditQueryException(
                    field, field + " must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
        }
    }

    private static Long cursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            long value = Long.parseLong(cursor.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidAuditQueryException("cursor", "cursor must be a nextCursor this API returned");
    }
}
