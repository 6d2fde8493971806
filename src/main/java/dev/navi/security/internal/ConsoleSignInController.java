package dev.navi.security.internal;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the web console, before anyone signed in, which token to ask for: the local admin token (and API
 * keys) when no identity provider is configured, else a JWT from the provider, whose issuer is named when
 * it is an OpenID Connect one. Nothing here is secret: the issuer's discovery document is public.
 */
@Hidden
@RestController
class ConsoleSignInController {

    /** {@code issuer} is null unless tokens come from an OpenID Connect issuer. */
    record SignIn(String method, URI issuer) {}

    private final SignIn signIn;

    ConsoleSignInController(SecuritySettings settings) {
        this.signIn = of(settings.jwt());
    }

    static SignIn of(SecuritySettings.Jwt jwt) {
        if (!jwt.configured()) {
            return new SignIn("admin-token", null);
        }
        return new SignIn("jwt", jwt.issuerUri());
    }

    @GetMapping(value = "/console/sign-in", produces = MediaType.APPLICATION_JSON_VALUE)
    SignIn signIn() {
        return signIn;
    }
}
