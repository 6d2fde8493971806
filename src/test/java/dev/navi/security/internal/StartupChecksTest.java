package dev.navi.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartupChecksTest {

    static final String SECRET = "a-shared-secret-of-32-bytes-long";

    @Nested
    class LoopbackGuard {

        @ParameterizedTest
        @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "localhost"})
        void whenBoundToLoopbackWithoutJwtThenStarts(String address) {
            assertThatCode(() -> StartupChecks.check(settings(jwt(null, null, null)), address, false))
                    .doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.0.0.0", "::", "10.1.2.3", "192.168.1.1", ""})
        void whenBoundElsewhereWithoutJwtThenRefusesNamingTheSettings(String address) {
            assertThatThrownBy(() -> StartupChecks.check(settings(jwt(null, null, null)), address, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("NAVI_JWT_SECRET")
                    .hasMessageContaining("navi.security.jwt.secret")
                    .hasMessageContaining("navi.security.jwt.issuer-uri")
                    .hasMessageContaining("navi.security.jwt.jwk-set-uri")
                    .hasMessageContaining("navi.security.allow-remote-admin-token=true");
        }

        @Test
        void whenNoAddressIsSetThenEveryInterfaceIsRefused() {
            assertThatThrownBy(() -> StartupChecks.check(settings(jwt(null, null, null)), null, false))
                    .hasMessageContaining("every interface");
        }

        @Test
        void whenBoundElsewhereWithAJwtProviderThenStarts() {
            assertThatCode(() -> StartupChecks.check(settings(jwt(SECRET, null, null)), "0.0.0.0", false))
                    .doesNotThrowAnyException();
        }

        @Test
        void whenRemoteAdminTokenIsAllowedThenStarts() {
            var settings = new SecuritySettings(Path.of("admin.token"), true, jwt(null, null, null));

            assertThatCode(() -> StartupChecks.check(settings, "0.0.0.0", false))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class Jwt {

        @Test
        void whenTheSecretIsShorterThan32BytesThenRefused() {
            assertThatThrownBy(() -> StartupChecks.check(settings(jwt("short", null, null)), "127.0.0.1", false))
                    .hasMessageContaining("32 bytes");
        }

        @Test
        void whenSecretAndKeySetAreBothSetThenRefused() {
            var both = jwt(SECRET, URI.create("https://idp.example/jwks"), null);

            assertThatThrownBy(() -> StartupChecks.check(settings(both), "127.0.0.1", false))
                    .hasMessageContaining("one JWT provider");
        }

        @ParameterizedTest
        @ValueSource(strings = {"none", "HS256", "HS512", "bogus"})
        void whenAKeySetAlgorithmIsNotAsymmetricThenRefused(String algorithm) {
            var keySet = new SecuritySettings.Jwt(
                    null,
                    null,
                    URI.create("https://idp.example/jwks"),
                    List.of("RS256", algorithm),
                    Duration.ofSeconds(30),
                    null,
                    null,
                    "tenant",
                    "scope",
                    null,
                    List.of("openid"));

            assertThatThrownBy(() -> StartupChecks.check(settings(keySet), "127.0.0.1", false))
                    .hasMessageContaining(algorithm);
        }
    }

    @Nested
    class Production {

        @Test
        void whenNoJwtProviderIsConfiguredThenRefused() {
            var allowed = new SecuritySettings(Path.of("admin.token"), true, jwt(null, null, null));

            assertThatThrownBy(() -> StartupChecks.check(allowed, "127.0.0.1", true))
                    .hasMessageContaining("production profile needs a JWT provider");
        }

        @Test
        void whenIssuerOrAudienceIsMissingThenRefused() {
            assertThatThrownBy(() -> StartupChecks.check(settings(jwt(SECRET, null, null)), "0.0.0.0", true))
                    .hasMessageContaining("navi.security.jwt.audience");
            assertThatThrownBy(() -> StartupChecks.check(settings(jwt(SECRET, null, "navi")), "0.0.0.0", true))
                    .hasMessageContaining("navi.security.jwt.issuer");
        }

        @Test
        void whenIssuerAndAudienceAreSetThenStarts() {
            var jwt = new SecuritySettings.Jwt(
                    SECRET,
                    null,
                    null,
                    List.of("RS256"),
                    Duration.ofSeconds(30),
                    "https://idp",
                    "navi",
                    "t",
                    "s",
                    null,
                    List.of("openid"));

            assertThatCode(() -> StartupChecks.check(settings(jwt), "0.0.0.0", true))
                    .doesNotThrowAnyException();
        }

        @Test
        void whenTheIssuerUriIsSetThenItIsTheExpectedIssuer() {
            var jwt = new SecuritySettings.Jwt(
                    null,
                    URI.create("https://idp.example"),
                    null,
                    List.of("RS256"),
                    Duration.ofSeconds(30),
                    null,
                    "navi",
                    "t",
                    "s",
                    null,
                    List.of("openid"));

            assertThat(jwt.expectedIssuer()).isEqualTo("https://idp.example");
            assertThatCode(() -> StartupChecks.check(settings(jwt), "0.0.0.0", true))
                    .doesNotThrowAnyException();
        }
    }

    static SecuritySettings settings(SecuritySettings.Jwt jwt) {
        return new SecuritySettings(Path.of("admin.token"), false, jwt);
    }

    static SecuritySettings.Jwt jwt(String secret, URI jwkSetUri, String audience) {
        return new SecuritySettings.Jwt(
                secret,
                null,
                jwkSetUri,
                List.of("RS256"),
                Duration.ofSeconds(30),
                null,
                audience,
                "tenant",
                "scope",
                null,
                List.of("openid"));
    }
}
