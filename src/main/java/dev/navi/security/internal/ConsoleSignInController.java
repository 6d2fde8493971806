package dev.navi.security.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the web console, before anyone signed in, which token to ask for: the local admin token (and API
 * keys) when no identity provider is configured, else a JWT from the provider, whose issuer is named when
 * it is an OpenID Connect one, with the console's client id and scopes when the console may sign in there
 * itself. Nothing here is secret: the issuer's discovery document is public and the client is a public one.
 */
@Hidden
@RestController
class ConsoleSignInController {

    /** {@code issuer} is null unless tokens come from an OpenID Connect issuer; {@code clientId} and
     * {@code scopes} are left out unless the console signs in at that issuer. */
    record SignIn(
            String method,
            URI issuer,
            @JsonInclude(JsonInclude.Include.NON_NULL) String clientId,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> scopes) {}

    private final SignIn signIn;

    ConsoleSignInController(SecuritySettings settings) {
        this.signIn = of(settings.jwt());
    }

    static SignIn of(SecuritySettings.Jwt jwt) {
        if (!jwt.configured()) {
            return new SignIn("admin-token", null, null, null);
        }
        if (jwt.consoleLogin()) {
            return new SignIn("jwt", jwt.issuerUri(), jwt.consoleClientId().strip(), List.copyOf(jwt.consoleScopes()));
        }
        return new SignIn("jwt", jwt.issuerUri(), null, null);
    }

    @GetMapping(value = "/console/sign-in", produces = MediaType.APPLICATION_JSON_VALUE)
    SignIn signIn() {
        return signIn;
    }
}
