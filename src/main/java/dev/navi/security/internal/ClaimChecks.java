package dev.navi.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * {@code exp} (required) and {@code nbf} within the clock skew, {@code iss} and {@code aud} when
 * configured. A failure's error code is the {@link FailureReason}'s name, so the refusal says which.
 */
final class ClaimChecks implements OAuth2TokenValidator<Jwt> {

    private final Duration skew;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    ClaimChecks(SecuritySettings.Jwt settings, Clock clock) {
        this.skew = settings.clockSkew();
        this.issuer = settings.expectedIssuer();
        this.audience = settings.expectedAudience();
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        var reason = refusal(jwt, clock.instant());
        return reason == null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(reason.name(), reason.detail(), null));
    }

    private FailureReason refusal(Jwt jwt, Instant now) {
        var expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return FailureReason.INVALID_CLAIMS;
        }
        if (now.minus(skew).isAfter(expiresAt)) {
            return FailureReason.EXPIRED;
        }
        var notBefore = jwt.getNotBefore();
        if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
            return FailureReason.NOT_YET_VALID;
        }
        if (issuer != null && !issuer.equals(jwt.getClaimAsString("iss"))) {
            return FailureReason.WRONG_ISSUER;
        }
        if (audience != null && (jwt.getAudience() == null || !jwt.getAudience().contains(audience))) {
            return FailureReason.WRONG_AUDIENCE;
        }
        return null;
    }
}
