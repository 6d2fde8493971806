package dev.navi.security.internal;

import java.util.Locale;

/** Why a request was refused: the {@code reason} tag of {@code navi_auth_failures_total}. */
enum FailureReason {
    MISSING("This endpoint needs a bearer token: Authorization: Bearer <token>"),
    MALFORMED("The Authorization header is not a well-formed bearer token"),
    TOO_LARGE("The bearer token is too large"),
    EXPIRED("The token has expired"),
    NOT_YET_VALID("The token is not valid yet"),
    BAD_SIGNATURE("The token's signature or algorithm is not accepted"),
    WRONG_ISSUER("The token was issued by an issuer this server does not accept"),
    WRONG_AUDIENCE("The token is not meant for this server (audience)"),
    INVALID_CLAIMS("The token lacks a subject or a tenant, or they are not non-blank strings"),
    UNKNOWN_TOKEN("The bearer token is not known here"),
    UNKNOWN_KEY("The API key is not known here"),
    REVOKED("The API key has been revoked"),
    PROVIDER_UNAVAILABLE("The identity provider's signing keys cannot be fetched right now"),
    INSUFFICIENT_SCOPE("The caller lacks the scope this request needs");

    private final String detail;

    FailureReason(String detail) {
        this.detail = detail;
    }

    String detail() {
        return detail;
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
