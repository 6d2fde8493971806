package dev.navi.security.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call NAVI. Without a JWT identity provider, NAVI accepts a local admin token it writes once to
 * {@code adminTokenFile}, and only on a loopback address; API keys work either way.
 *
 * @param adminTokenFile where the local admin token is kept (default {@code $NAVI_HOME/admin.token}, mode
 *     0600); used only when no JWT provider is configured
 * @param allowRemoteAdminToken accept the local admin token even though {@code server.address} is not a
 *     loopback address (without it, NAVI refuses to start that way unless a JWT provider is configured)
 * @param jwt JSON Web Tokens from an identity provider or signed with a shared secret
 */
@ConfigurationProperties("navi.security")
record SecuritySettings(
        Path adminTokenFile,
        @DefaultValue("false") boolean allowRemoteAdminToken,
        @DefaultValue Jwt jwt) {

    /**
     * @param secret shared HS256 signing secret ({@code NAVI_JWT_SECRET}), at least 32 bytes; excludes
     *     {@code issuerUri} and {@code jwkSetUri}
     * @param issuer required {@code iss}; checked when set, required under the
     *     {@code production} profile. Defaults to {@code issuerUri} when that is set
     * @param issuerUri OpenID Connect issuer whose discovery document names the signing keys
     * @param jwkSetUri URL of the identity provider's JSON Web Key Set (takes precedence over the issuer's
     *     discovery document)
     * @param algorithms signature algorithms accepted from {@code jwkSetUri}/{@code issuerUri} keys; the
     *     token header's {@code alg} is never trusted. {@code none} and HMAC algorithms are refused
     * @param clockSkew tolerance when checking {@code exp} and {@code nbf}
     * @param audience a value {@code aud} must contain; checked when set (required under the
     *     {@code production} profile)
     * @param tenantClaim the claim naming the caller's tenant (a non-blank string)
     * @param scopeClaim the claim with the caller's scopes: a space-separated string or an array of strings
     * @param consoleClientId OAuth client id of the web console, registered at {@code issuerUri} as a public
     *     client (no secret) using the authorization code flow with PKCE, with the redirect URI
     *     {@code <NAVI's public URL>/}; when set together with {@code issuerUri}, the console offers "Sign in
     *     with" the issuer and its Content-Security-Policy lets the page call the issuer's origin (the
     *     issuer's token endpoint must share that origin)
     * @param consoleScopes scopes the console asks for when it signs in with {@code consoleClientId}; the
     *     access token must carry the tenant and scope claims NAVI reads
     */
    record Jwt(
            String secret,
            URI issuerUri,
            URI jwkSetUri,
            @DefaultValue("RS256") List<String> algorithms,
            @DefaultValue("30s") Duration clockSkew,
            String issuer,
            String audience,
            @DefaultValue("tenant") String tenantClaim,
            @DefaultValue("scope") String scopeClaim,
            String consoleClientId,
            @DefaultValue("openid") List<String> consoleScopes) {

        boolean usesSecret() {
            return secret != null && !secret.isEmpty();
        }

        boolean usesKeySet() {
            return issuerUri != null || jwkSetUri != null;
        }

        boolean configured() {
            return usesSecret() || usesKeySet();
        }

        /** The {@code iss} tokens must carry, or null when it is not checked. */
        String expectedIssuer() {
            if (issuer != null && !issuer.isBlank()) {
                return issuer;
            }
            return issuerUri == null ? null : issuerUri.toString();
        }

        /** The console signs in at the issuer itself (authorization code flow with PKCE). */
        boolean consoleLogin() {
            return issuerUri != null && consoleClientId != null && !consoleClientId.isBlank();
        }

        String expectedAudience() {
            return audience == null || audience.isBlank() ? null : audience;
        }
    }
}
