package dev.navi.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSignInControllerTest {

    private static SecuritySettings.Jwt jwt(String secret, URI issuerUri) {
        return jwt(secret, issuerUri, null);
    }

    private static SecuritySettings.Jwt jwt(String secret, URI issuerUri, String clientId) {
        return new SecuritySettings.Jwt(
                secret,
                issuerUri,
                null,
                List.of("RS256"),
                Duration.ofSeconds(30),
                null,
                null,
                "tenant",
                "scope",
                clientId,
                List.of("openid", "tasks:read"));
    }

    @Test
    void whenNoIdentityProviderIsConfiguredThenTheLocalAdminToken() {
        assertThat(ConsoleSignInController.of(jwt(null, null)))
                .isEqualTo(new ConsoleSignInController.SignIn("admin-token", null, null, null));
    }

    @Test
    void whenAnOidcIssuerIsConfiguredThenItIsNamed() {
        var issuer = URI.create("https://id.example.com/realms/navi");

        assertThat(ConsoleSignInController.of(jwt(null, issuer)))
                .isEqualTo(new ConsoleSignInController.SignIn("jwt", issuer, null, null));
    }

    @Test
    void whenTokensAreSignedWithASharedSecretThenAJwtWithoutIssuer() {
        assertThat(ConsoleSignInController.of(jwt("s".repeat(40), null)))
                .isEqualTo(new ConsoleSignInController.SignIn("jwt", null, null, null));
    }

    @Test
    void whenTheConsoleHasAClientIdAtTheIssuerThenItIsGivenWithTheScopes() {
        var issuer = URI.create("https://id.example.com/realms/navi");

        assertThat(ConsoleSignInController.of(jwt(null, issuer, "navi-console")))
                .isEqualTo(new ConsoleSignInController.SignIn(
                        "jwt", issuer, "navi-console", List.of("openid", "tasks:read")));
    }

    @Test
    void whenAClientIdIsSetWithoutIssuerThenTokenPasteOnly() {
        assertThat(ConsoleSignInController.of(jwt("s".repeat(40), null, "navi-console")))
                .isEqualTo(new ConsoleSignInController.SignIn("jwt", null, null, null));
    }

    @Test
    void whenTheConsoleSignsInAtTheIssuerThenItsOriginIsTheIdentityProvidersOrigin() {
        var provider = new SecurityConfiguration()
                .consoleIdentityProvider(
                        settings(jwt(null, URI.create("https://ID.example.com:8443/realms/navi"), "c")));

        assertThat(provider.origin()).contains("https://id.example.com:8443");
        assertThat(new SecurityConfiguration()
                        .consoleIdentityProvider(settings(jwt(null, URI.create("https://id.example.com"), null)))
                        .origin())
                .isEmpty();
    }

    private static SecuritySettings settings(SecuritySettings.Jwt jwt) {
        return new SecuritySettings(null, false, jwt);
    }
}
