package dev.navi.security.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * The settings NAVI refuses to start with: the local admin token on a non-loopback address, a short
 * HS256 secret, an ambiguous or unpinned JWT provider, and a production deployment without issuer and
 * audience checks.
 */
final class StartupChecks {

    static final int MIN_SECRET_BYTES = 32;

    private StartupChecks() {}

    static void check(SecuritySettings settings, String serverAddress, boolean production) {
        var jwt = settings.jwt();
        if (jwt.usesSecret() && jwt.usesKeySet()) {
            throw new IllegalStateException("navi.security.jwt.secret excludes navi.security.jwt.issuer-uri and"
                    + " navi.security.jwt.jwk-set-uri: configure one JWT provider");
        }
        if (jwt.usesSecret() && jwt.secret().getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("navi.security.jwt.secret (NAVI_JWT_SECRET) has fewer than "
                    + MIN_SECRET_BYTES + " bytes: use a random secret of at least 32 bytes");
        }
        if (jwt.usesKeySet()) {
            algorithms(jwt);
        }
        if (production) {
            checkProduction(jwt);
        }
        if (!jwt.configured() && !settings.allowRemoteAdminToken() && !isLoopback(serverAddress)) {
            throw new IllegalStateException("server.address (NAVI_BIND_ADDRESS) is "
                    + (serverAddress == null || serverAddress.isBlank() ? "every interface" : serverAddress)
                    + ", not a loopback address, and no JWT provider is configured: the local admin token"
                    + " must not be usable from other hosts. Configure NAVI_JWT_SECRET"
                    + " (navi.security.jwt.secret), navi.security.jwt.issuer-uri or"
                    + " navi.security.jwt.jwk-set-uri, or opt in with"
                    + " navi.security.allow-remote-admin-token=true");
        }
    }

    private static void checkProduction(SecuritySettings.Jwt jwt) {
        if (!jwt.configured()) {
            throw new IllegalStateException("The production profile needs a JWT provider: NAVI_JWT_SECRET"
                    + " (navi.security.jwt.secret), navi.security.jwt.issuer-uri or"
                    + " navi.security.jwt.jwk-set-uri");
        }
        if (jwt.expectedIssuer() == null || jwt.expectedAudience() == null) {
            throw new IllegalStateException("The production profile checks every token's issuer and audience:"
                    + " set navi.security.jwt.issuer (or navi.security.jwt.issuer-uri) and"
                    + " navi.security.jwt.audience");
        }
    }

    /** The pinned asymmetric algorithms; {@code none} and HMAC ones are refused (key confusion). */
    static Set<SignatureAlgorithm> algorithms(SecuritySettings.Jwt jwt) {
        if (jwt.algorithms().isEmpty()) {
            throw new IllegalStateException("navi.security.jwt.algorithms is empty: name at least one, such as RS256");
        }
        var pinned = new LinkedHashSet<SignatureAlgorithm>();
        for (var name : jwt.algorithms()) {
            var algorithm = SignatureAlgorithm.from(name.trim().toUpperCase(Locale.ROOT));
            if (algorithm == null) {
                throw new IllegalStateException("navi.security.jwt.algorithms: '" + name
                        + "' is not an asymmetric JWS algorithm (RS256, PS256, ES256, ...); none and HS* are"
                        + " refused for key sets");
            }
            pinned.add(algorithm);
        }
        return pinned;
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            var resolved = InetAddress.getAllByName(address.trim());
            for (var one : resolved) {
                if (!one.isLoopbackAddress()) {
                    return false;
                }
            }
            return resolved.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
