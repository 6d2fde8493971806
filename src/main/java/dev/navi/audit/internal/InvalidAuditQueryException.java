package dev.navi.audit.internal;

/** A filter or paging parameter of {@code GET /api/v1/audit} that cannot be applied: a 400 problem. */
final class InvalidAuditQueryException extends RuntimeException {

    private final String field;

    InvalidAuditQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
