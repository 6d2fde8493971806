package dev.navi.security;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The OpenID Connect issuer the web console signs in at with the authorization code flow, if one is
 * configured ({@code navi.security.jwt.issuer-uri} and {@code navi.security.jwt.console-client-id}). The
 * console's page calls the issuer's origin for its discovery document and token endpoint.
 *
 * @param issuer the issuer, or null when the console only takes pasted tokens
 */
public record ConsoleIdentityProvider(URI issuer) {

    /** {@code scheme://host[:port]} of the issuer, for the console's Content-Security-Policy. */
    public Optional<String> origin() {
        if (issuer == null || issuer.getScheme() == null || issuer.getHost() == null) {
            return Optional.empty();
        }
        var port = issuer.getPort() == -1 ? "" : ":" + issuer.getPort();
        return Optional.of(issuer.getScheme().toLowerCase(Locale.ROOT) + "://"
                + issuer.getHost().toLowerCase(Locale.ROOT) + port);
    }
}
