package dev.navi.cli.internal;

/**
 * NAVI answered with an RFC 9457 problem (or a non-JSON error): {@code status}, and the problem's
 * {@code type}, {@code title} and {@code detail} when it sent them.
 */
public final class NaviApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String detail;

    NaviApiException(int status, String type, String title, String detail) {
        super(describe(status, title, detail));
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    /** The problem type without its {@code urn:navi:problem:} prefix, e.g. {@code task-not-found}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** A sentence for a person: what went wrong and, for the usual cases, what to do. */
    public String explanation() {
        return switch (status) {
            case 401 ->
                "NAVI refused the credentials (" + getMessage() + "): set NAVI_TOKEN, or run on the"
                        + " machine whose $NAVI_HOME/admin.token this is";
            case 403 -> "not allowed: " + getMessage();
            case 404 -> "not found: " + getMessage();
            default -> getMessage();
        };
    }

    private static String describe(int status, String title, String detail) {
        var text = new StringBuilder("HTTP ").append(status);
        if (title != null && !title.isBlank()) {
            text.append(' ').append(title);
        }
        if (detail != null && !detail.isBlank()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }
}
