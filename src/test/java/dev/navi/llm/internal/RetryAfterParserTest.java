package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RetryAfterParserTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private final RetryAfterParser parser = new RetryAfterParser(Clock.fixed(NOW, ZoneOffset.UTC));

    private static HttpHeaders headers(String... namesAndValues) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    @Nested
    class RetryAfter {

        @Test
        void whenSecondsThenThatManySeconds() {
            assertThat(parser.parse(headers("retry-after", "30"))).contains(Duration.ofSeconds(30));
        }

        @Test
        void whenDecimalSecondsThenMilliseconds() {
            assertThat(parser.parse(headers("retry-after", "1.5"))).contains(Duration.ofMillis(1500));
        }

        @Test
        void whenHttpDateThenTimeUntilIt() {
            assertThat(parser.parse(headers("retry-after", "Fri, 02 Jan 2026 03:05:05 GMT")))
                    .contains(Duration.ofSeconds(60));
        }

        @Test
        void whenHttpDateIsPastThenZero() {
            assertThat(parser.parse(headers("retry-after", "Fri, 02 Jan 2026 03:00:00 GMT")))
                    .contains(Duration.ZERO);
        }

        @Test
        void whenHeaderNameHasOtherCaseThenItIsFound() {
            assertThat(parser.parse(headers("Retry-After", "2"))).contains(Duration.ofSeconds(2));
        }

        @Test
        void whenGarbageThenEmpty() {
            assertThat(parser.parse(headers("retry-after", "soon"))).isEmpty();
        }

        @Test
        void whenRetryAfterMsIsPresentThenItWins() {
            assertThat(parser.parse(headers("retry-after-ms", "250", "retry-after", "1")))
                    .contains(Duration.ofMillis(250));
        }

        @Test
        void whenNoHeaderThenEmpty() {
            assertThat(parser.parse(headers())).isEmpty();
        }
    }

    @Nested
    class VendorResets {

        @Test
        void whenAnthropicRequestsResetThenTimeUntilIt() {
            assertThat(parser.parse(headers("anthropic-ratelimit-requests-reset", "2026-01-02T03:04:15Z")))
                    .contains(Duration.ofSeconds(10));
        }

        @Test
        void whenAnthropicResetHasOffsetThenItIsRespected() {
            assertThat(parser.parse(headers("anthropic-ratelimit-requests-reset", "2026-01-02T04:04:20+01:00")))
                    .contains(Duration.ofSeconds(15));
        }

        @Test
        void whenRetryAfterAndResetAreBothPresentThenRetryAfterWins() {
            assertThat(parser.parse(
                            headers("retry-after", "3", "anthropic-ratelimit-requests-reset", "2026-01-02T03:04:15Z")))
                    .contains(Duration.ofSeconds(3));
        }

        @Test
        void whenOpenAiRequestsResetThenGoDuration() {
            assertThat(parser.parse(headers("x-ratelimit-reset-requests", "6m0s")))
                    .contains(Duration.ofMinutes(6));
        }

        @Test
        void whenOnlyOpenAiTokensResetThenItIsUsed() {
            assertThat(parser.parse(headers("x-ratelimit-reset-tokens", "20ms")))
                    .contains(Duration.ofMillis(20));
        }

        @Test
        void whenOpenAiRequestsAndTokensResetThenRequestsWins() {
            assertThat(parser.parse(headers("x-ratelimit-reset-requests", "1s", "x-ratelimit-reset-tokens", "9s")))
                    .contains(Duration.ofSeconds(1));
        }
    }

    @Nested
    class GoDurations {

        @Test
        void whenCompoundThenSummed() {
            assertThat(RetryAfterParser.goDuration("1h2m3.5s"))
                    .contains(Duration.ofHours(1).plusMinutes(2).plusMillis(3500));
        }

        @Test
        void whenFractionalSecondsThenMilliseconds() {
            assertThat(RetryAfterParser.goDuration("0.5s")).contains(Duration.ofMillis(500));
        }

        @Test
        void whenMicrosecondsThenNanos() {
            assertThat(RetryAfterParser.goDuration("15us")).contains(Duration.ofNanos(15_000));
        }

        @Test
        void whenTrailingGarbageThenEmpty() {
            assertThat(RetryAfterParser.goDuration("1sx")).isEmpty();
        }

        @Test
        void whenNoUnitThenEmpty() {
            assertThat(RetryAfterParser.goDuration("12")).isEmpty();
        }
    }
}
