package dev.navi.security.internal;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;

/** A presented bearer credential that is refused; never carries the credential itself. */
final class BearerRefusal extends OAuth2AuthenticationException {

    private final FailureReason reason;
    private final String keyId;

    BearerRefusal(FailureReason reason) {
        this(reason, null);
    }

    BearerRefusal(FailureReason reason, String keyId) {
        super(new OAuth2Error(BearerTokenErrorCodes.INVALID_TOKEN, reason.detail(), null), reason.detail());
        this.reason = reason;
        this.keyId = keyId;
    }

    FailureReason reason() {
        return reason;
    }

    /** The API key's id when the credential was one, else null. */
    String keyId() {
        return keyId;
    }
}
