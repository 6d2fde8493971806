package dev.navi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.security.ConsoleIdentityProvider;
import java.net.URI;
import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

    @Test
    void whenNoIssuerIsSignedInAtThenTheConsoleConnectsOnlyToNavi() {
        assertThat(SecurityHeadersFilter.consolePolicy(new ConsoleIdentityProvider(null)))
                .contains("connect-src 'self';")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void whenTheConsoleSignsInAtAnIssuerThenItMayConnectToItsOriginOnly() {
        var policy = SecurityHeadersFilter.consolePolicy(
                new ConsoleIdentityProvider(URI.create("https://id.example.com/realms/navi")));

        assertThat(policy)
                .contains("connect-src 'self' https://id.example.com;")
                .contains("script-src 'self';")
                .contains("form-action 'self'")
                .doesNotContain("realms");
    }
}
