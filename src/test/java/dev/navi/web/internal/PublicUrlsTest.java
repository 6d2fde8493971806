package dev.navi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class PublicUrlsTest {

    @Nested
    class WithoutABaseUrl {

        private final PublicUrls urls = urls(null);

        @Test
        void whenAPathIsPublishedThenItStaysPathOnly() {
            assertThat(urls.of("/api/v1/tasks/42")).hasToString("/api/v1/tasks/42");
        }

        @Test
        void whenTheOpenApiServerIsAskedThenItIsTheRoot() {
            assertThat(urls.server()).isEqualTo("/");
        }
    }

    @Nested
    class WithABaseUrl {

        @Test
        void whenAPathIsPublishedThenItFollowsTheBaseUrlAndItsPrefix() {
            assertThat(urls("https://navi.example.com/navi/").of("/api/v1/tasks/42"))
                    .hasToString("https://navi.example.com/navi/api/v1/tasks/42");
        }

        @Test
        void whenTheOpenApiServerIsAskedThenItIsTheBaseUrlWithoutTrailingSlash() {
            assertThat(urls("https://navi.example.com/").server()).isEqualTo("https://navi.example.com");
        }
    }

    private static PublicUrls urls(String base) {
        return new PublicUrls(new WebProperties(
                DataSize.ofMegabytes(2),
                base == null ? null : URI.create(base),
                new WebProperties.Cors(List.of()),
                0,
                2048,
                DataSize.ofKilobytes(2),
                DataSize.ofKilobytes(8),
                DataSize.ofKilobytes(1),
                DataSize.ofKilobytes(1)));
    }
}
