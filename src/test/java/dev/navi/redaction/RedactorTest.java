package dev.navi.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    private final Redactor redactor = new Redactor(List.of("configured-value-42", "short"));

    @Nested
    class ConfiguredValues {

        @Test
        void whenTheTextQuotesAConfiguredSecretThenEveryOccurrenceIsRedacted() {
            assertThat(redactor.redact("a configured-value-42 b configured-value-42"))
                    .isEqualTo("a [REDACTED] b [REDACTED]");
        }

        @Test
        void whenAConfiguredValueIsShorterThanEightCharactersThenItIsNotASecret() {
            assertThat(redactor.redact("a short word")).isEqualTo("a short word");
        }
    }

    @Nested
    class Shapes {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "key sk-ant-api03-AbCdEfGhIjKlMnOpQrSt end|key [REDACTED] end",
                    "key sk-proj-0123456789abcdefXYZ end|key [REDACTED] end",
                    "ghp_0123456789abcdefghijABCDEFGHIJ0123|[REDACTED]",
                    "github_pat_11ABCDEFG0123456789_abcdefghijklmnop|[REDACTED]",
                    "id AKIAIOSFODNN7EXAMPLE.|id [REDACTED].",
                    "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig|Authorization: Bearer [REDACTED]",
                    "authorization: bearer abcdefgh12345678==|authorization: bearer [REDACTED]",
                    "token navi-admin-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde end|token [REDACTED] end",
                    "key=navi_0123456789abcdef_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde|key=[REDACTED]",
                    "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl|jwt [REDACTED]"
                })
        void whenTheTextHasAKnownCredentialShapeThenItIsRedacted(String text, String redacted) {
            assertThat(redactor.redact(text)).isEqualTo(redacted);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "task-123 asked for a risk-free plan",
                    "pip install scikit-learn sk-learn",
                    "the bearer of bad news",
                    "AKIA is a prefix",
                    "navi_tasks_queued navi_http_request_duration_seconds_bucket",
                    ""
                })
        void whenTheTextHasNoSecretThenItIsReturnedAsItIs(String text) {
            assertThat(redactor.redact(text)).isSameAs(text);
        }
    }

    @Test
    void whenNullThenNull() {
        assertThat(redactor.redact(null)).isNull();
        assertThat(redactor.needsRedaction(null)).isFalse();
    }
}
