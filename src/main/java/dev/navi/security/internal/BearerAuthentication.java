package dev.navi.security.internal;

import dev.navi.security.Caller;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Turns a bearer token into a {@link CallerAuthentication}: the local admin token (when enabled), an API
 * key ({@code navi_...}) or a JWT (when a provider is configured).
 */
final class BearerAuthentication implements AuthenticationManager {

    static final Caller LOCAL_ADMIN = new Caller("admin", "default", Set.of(Caller.ADMIN), null);

    private final byte[] adminTokenHash;
    private final ApiKeys apiKeys;
    private final JwtVerifier jwt;

    /** {@code adminToken} and {@code jwt} may be null: that credential is not accepted. */
    BearerAuthentication(String adminToken, ApiKeys apiKeys, JwtVerifier jwt) {
        this.adminTokenHash = adminToken == null ? null : ApiKeys.sha256(adminToken);
        this.apiKeys = apiKeys;
        this.jwt = jwt;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var token = ((BearerTokenAuthenticationToken) authentication).getToken();
        return new CallerAuthentication(caller(token));
    }

    private Caller caller(String token) {
        if (token.length() > BearerHeader.MAX_TOKEN_CHARS) {
            throw new BearerRefusal(FailureReason.TOO_LARGE);
        }
        // digests of equal length: the comparison takes the same time whatever the token
        if (adminTokenHash != null && MessageDigest.isEqual(adminTokenHash, ApiKeys.sha256(token))) {
            return LOCAL_ADMIN;
        }
        if (token.startsWith(ApiKeys.PREFIX)) {
            return apiKeys.authenticate(token);
        }
        if (jwt != null) {
            return jwt.verify(token);
        }
        throw new BearerRefusal(FailureReason.UNKNOWN_TOKEN);
    }
}
