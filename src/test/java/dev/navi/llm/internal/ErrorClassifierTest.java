package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class ErrorClassifierTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private final ErrorClassifier classifier =
            new ErrorClassifier(JSON, new RetryAfterParser(Clock.fixed(NOW, ZoneOffset.UTC)));

    private static HttpHeaders headers(String... namesAndValues) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private static String anthropicError(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"%s\",\"message\":\"%s\"}}".formatted(type, message);
    }

    private static String openAiError(String type, String code, String message) {
        return "{\"error\":{\"message\":\"%s\",\"type\":\"%s\",\"param\":null,\"code\":%s}}"
                .formatted(message, type, code == null ? "null" : "\"" + code + "\"");
    }

    @Nested
    class ByStatus {

        @ParameterizedTest
        @CsvSource({
            "400, INVALID_REQUEST",
            "401, AUTH",
            "402, QUOTA_EXHAUSTED",
            "403, PERMISSION",
            "404, NOT_FOUND",
            "408, TIMEOUT",
            "409, INVALID_REQUEST",
            "413, INVALID_REQUEST",
            "422, INVALID_REQUEST",
            "429, RATE_LIMITED",
            "500, SERVER_ERROR",
            "501, SERVER_ERROR",
            "502, SERVER_ERROR",
            "503, OVERLOADED",
            "504, SERVER_ERROR",
            "529, OVERLOADED",
            "301, INVALID_REQUEST"
        })
        void whenStatusWithoutBodyThenClassFromStatus(int status, LlmErrorClass expected) {
            LlmException failure = classifier.fromResponse(status, headers(), "");

            assertThat(failure.errorClass()).isEqualTo(expected);
            assertThat(failure.httpStatus()).isEqualTo(status);
            assertThat(failure.getMessage()).isEqualTo("HTTP " + status + " from the provider");
        }

        @Test
        void whenBodyTypeDisagreesWithStatusThenStatusWins() {
            LlmException failure =
                    classifier.fromResponse(401, headers(), anthropicError("rate_limit_error", "slow down"));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.AUTH);
        }

        @Test
        void whenContextLengthExceededThenInvalidRequest() {
            String body = openAiError("invalid_request_error", "context_length_exceeded", "too long");

            assertThat(classifier.fromResponse(400, headers(), body).errorClass())
                    .isEqualTo(LlmErrorClass.INVALID_REQUEST);
        }
    }

    @Nested
    class QuotaAndOverload {

        @Test
        void whenOpenAi429WithInsufficientQuotaThenQuotaExhausted() {
            String body = openAiError("insufficient_quota", "insufficient_quota", "You exceeded your current quota");

            LlmException failure = classifier.fromResponse(429, headers(), body);

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.QUOTA_EXHAUSTED);
            assertThat(failure.errorClass().retryable()).isFalse();
        }

        @Test
        void whenOnlyTheCodeSaysQuotaThenQuotaExhausted() {
            String body = openAiError("requests", "insufficient_quota", "x");

            assertThat(classifier.fromResponse(429, headers(), body).errorClass())
                    .isEqualTo(LlmErrorClass.QUOTA_EXHAUSTED);
        }

        @Test
        void whenBillingCodeThenQuotaExhausted() {
            String body = openAiError("invalid_request_error", "billing_hard_limit_reached", "x");

            assertThat(classifier.fromResponse(400, headers(), body).errorClass())
                    .isEqualTo(LlmErrorClass.QUOTA_EXHAUSTED);
        }

        @Test
        void whenAnthropicBillingErrorThenQuotaExhausted() {
            assertThat(classifier
                            .fromResponse(400, headers(), anthropicError("billing_error", "credit"))
                            .errorClass())
                    .isEqualTo(LlmErrorClass.QUOTA_EXHAUSTED);
        }

        @Test
        void whenPlain429RateLimitThenRateLimited() {
            String body = openAiError("requests", "rate_limit_exceeded", "Rate limit reached, quota resets soon");

            assertThat(classifier.fromResponse(429, headers(), body).errorClass())
                    .isEqualTo(LlmErrorClass.RATE_LIMITED);
        }

        @Test
        void whenMessageMentionsQuotaButTypeDoesNotThenStillRateLimited() {
            String body = anthropicError("rate_limit_error", "insufficient_quota billing");

            assertThat(classifier.fromResponse(429, headers(), body).errorClass())
                    .isEqualTo(LlmErrorClass.RATE_LIMITED);
        }

        @Test
        void when500WithOverloadedTypeThenOverloaded() {
            assertThat(classifier
                            .fromResponse(500, headers(), anthropicError("overloaded_error", "Overloaded"))
                            .errorClass())
                    .isEqualTo(LlmErrorClass.OVERLOADED);
        }

        @Test
        void when529ThenOverloadedWithVendorMessage() {
            LlmException failure = classifier.fromResponse(529, headers(), anthropicError("overloaded_error", "Busy"));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.OVERLOADED);
            assertThat(failure.getMessage()).isEqualTo("Busy");
        }
    }

    @Nested
    class MessagesAndHeaders {

        @Test
        void whenOpenAiBodyThenItsMessageIsUsed() {
            LlmException failure =
                    classifier.fromResponse(401, headers(), openAiError("invalid_request_error", null, "Bad key"));

            assertThat(failure.getMessage()).isEqualTo("Bad key");
        }

        @Test
        void whenCompatibleServerSendsErrorStringThenItIsTheMessage() {
            assertThat(classifier
                            .fromResponse(500, headers(), "{\"error\":\"model crashed\"}")
                            .getMessage())
                    .isEqualTo("model crashed");
        }

        @Test
        void whenCompatibleServerSendsDetailThenItIsTheMessage() {
            assertThat(classifier
                            .fromResponse(422, headers(), "{\"detail\":\"bad field\"}")
                            .getMessage())
                    .isEqualTo("bad field");
        }

        @Test
        void whenBodyIsNotJsonThenItsStartIsTheMessage() {
            LlmException failure = classifier.fromResponse(502, headers(), "<html>\n  Bad gateway </html>");

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.SERVER_ERROR);
            assertThat(failure.getMessage()).isEqualTo("<html> Bad gateway </html>");
        }

        @Test
        void whenRetryAfterHeaderThenRetryAfterIsSet() {
            LlmException failure = classifier.fromResponse(429, headers("retry-after", "7"), "");

            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        }

        @Test
        void whenAnthropicResetHeaderThenRetryAfterIsSet() {
            LlmException failure = classifier.fromResponse(
                    429, headers("anthropic-ratelimit-requests-reset", "2026-01-02T03:04:08Z"), "");

            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3));
        }

        @Test
        void whenNoWaitHeaderThenNoRetryAfter() {
            assertThat(classifier.fromResponse(503, headers(), "").retryAfter()).isEmpty();
        }
    }

    @Nested
    class StreamErrors {

        @ParameterizedTest
        @CsvSource({
            "overloaded_error, OVERLOADED",
            "rate_limit_error, RATE_LIMITED",
            "api_error, SERVER_ERROR",
            "server_error, SERVER_ERROR",
            "timeout_error, TIMEOUT",
            "authentication_error, AUTH",
            "permission_error, PERMISSION",
            "not_found_error, NOT_FOUND",
            "invalid_request_error, INVALID_REQUEST",
            "request_too_large, INVALID_REQUEST",
            "billing_error, QUOTA_EXHAUSTED",
            "insufficient_quota, QUOTA_EXHAUSTED",
            "something_new, SERVER_ERROR"
        })
        void whenErrorEventThenClassFromItsType(String type, LlmErrorClass expected) {
            VendorError error = VendorError.parse(JSON, anthropicError(type, "boom"));

            LlmException failure = classifier.fromStreamError(200, error);

            assertThat(failure.errorClass()).isEqualTo(expected);
            assertThat(failure.getMessage()).isEqualTo("boom");
        }

        @Test
        void whenTypeIsUnknownButCodeIsKnownThenClassFromCode() {
            VendorError error = VendorError.parse(JSON, openAiError("weird", "rate_limit_exceeded", "x"));

            assertThat(classifier.fromStreamError(200, error).errorClass()).isEqualTo(LlmErrorClass.RATE_LIMITED);
        }
    }

    @Nested
    class Transport {

        @Test
        void whenConnectTimeoutThenTimeout() {
            LlmException failure = classifier.fromTransport(new HttpConnectTimeoutException("connect timed out"));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.TIMEOUT);
            assertThat(failure.httpStatus()).isZero();
        }

        @Test
        void whenRequestTimeoutThenTimeout() {
            assertThat(classifier
                            .fromTransport(new HttpTimeoutException("request timed out"))
                            .errorClass())
                    .isEqualTo(LlmErrorClass.TIMEOUT);
        }

        @Test
        void whenConnectionRefusedThenNetwork() {
            assertThat(classifier.fromTransport(new ConnectException()).errorClass())
                    .isEqualTo(LlmErrorClass.NETWORK);
        }

        @Test
        void whenUnknownHostDeepInCausesThenNetwork() {
            IOException wrapped = new IOException("failed", new UnknownHostException("nowhere.invalid"));

            LlmException failure = classifier.fromTransport(wrapped);

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.NETWORK);
            assertThat(failure.getCause()).isSameAs(wrapped);
        }

        @Test
        void whenUnresolvedAddressThenNetwork() {
            assertThat(classifier
                            .fromTransport(new ConnectException().initCause(new UnresolvedAddressException()))
                            .errorClass())
                    .isEqualTo(LlmErrorClass.NETWORK);
        }

        @Test
        void whenConnectionResetThenNetwork() {
            assertThat(classifier
                            .fromTransport(new IOException("Connection reset"))
                            .errorClass())
                    .isEqualTo(LlmErrorClass.NETWORK);
        }
    }
}
