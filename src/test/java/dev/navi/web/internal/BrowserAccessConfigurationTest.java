package dev.navi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class BrowserAccessConfigurationTest {

    @Test
    void whenNoOriginIsConfiguredThenNoneIsAllowedEvenWithAPublicBaseUrl() {
        assertThat(BrowserAccessConfiguration.allowedOrigins(properties("https://navi.example.com", List.of())))
                .isEmpty();
    }

    @Test
    void whenOriginsAndAPublicBaseUrlAreConfiguredThenThePublicOriginIsAllowedToo() {
        var properties = properties("https://navi.example.com:8443/navi/", List.of("https://console.example.com"));

        assertThat(BrowserAccessConfiguration.allowedOrigins(properties))
                .containsExactly("https://console.example.com", "https://navi.example.com:8443");
    }

    @Test
    void whenThePublicOriginIsAlreadyListedThenItIsListedOnce() {
        var properties = properties("https://navi.example.com", List.of("https://navi.example.com"));

        assertThat(BrowserAccessConfiguration.allowedOrigins(properties)).containsExactly("https://navi.example.com");
    }

    private static WebProperties properties(String base, List<String> origins) {
        return new WebProperties(
                DataSize.ofMegabytes(2),
                URI.create(base),
                new WebProperties.Cors(origins),
                0,
                2048,
                DataSize.ofKilobytes(2),
                DataSize.ofKilobytes(8),
                DataSize.ofKilobytes(1),
                DataSize.ofKilobytes(1));
    }
}
