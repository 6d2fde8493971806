package dev.navi.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSignInControllerTest {

    private static SecuritySettings.Jwt jwt(String secret, URI issuerUri) {
        return new SecuritySettings.Jwt(
                secret, issuerUri, null, List.of("RS256"), Duration.ofSeconds(30), null, null, "tenant", "scope");
    }

    @Test
    void whenNoIdentityProviderIsConfiguredThenTheLocalAdminToken() {
        assertThat(ConsoleSignInController.of(jwt(null, null)))
                .isEqualTo(new ConsoleSignInController.SignIn("admin-token", null));
    }

    @Test
    void whenAnOidcIssuerIsConfiguredThenItIsNamed() {
        var issuer = URI.create("https://id.example.com/realms/navi");

        assertThat(ConsoleSignInController.of(jwt(null, issuer)))
                .isEqualTo(new ConsoleSignInController.SignIn("jwt", issuer));
    }

    @Test
    void whenTokensAreSignedWithASharedSecretThenAJwtWithoutIssuer() {
        assertThat(ConsoleSignInController.of(jwt("s".repeat(40), null)))
                .isEqualTo(new ConsoleSignInController.SignIn("jwt", null));
    }
}
