package dev.navi.observability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceContextTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Nested
    class Parsing {

        @Test
        void whenValidThenTraceSpanAndFlagsAreRead() {
            assertThat(TraceContext.parse("00-" + TRACE + "-00f067aa0ba902b7-01"))
                    .contains(new TraceContext(TRACE, "00f067aa0ba902b7", "01"));
        }

        @Test
        void whenAFutureVersionHasMoreFieldsThenTheFirstFourAreRead() {
            assertThat(TraceContext.parse("cc-" + TRACE + "-00f067aa0ba902b7-01-future"))
                    .map(TraceContext::traceId)
                    .contains(TRACE);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(
                strings = {
                    "",
                    "garbage",
                    "00-" + TRACE + "-00f067aa0ba902b7-01-extra",
                    "ff-" + TRACE + "-00f067aa0ba902b7-01",
                    "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                    "00-" + TRACE + "-0000000000000000-01",
                    "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                    "00-" + TRACE + "-00f067aa0ba902b-01"
                })
        void whenInvalidThenIgnored(String header) {
            assertThat(TraceContext.parse(header)).isEmpty();
        }
    }

    @Nested
    class Continuing {

        @Test
        void whenTheCallerSentATraceThenItContinuesWithANewSpan() {
            var context = TraceContext.continueOrStart("00-" + TRACE + "-00f067aa0ba902b7-01");

            assertThat(context.traceId()).isEqualTo(TRACE);
            assertThat(context.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
            assertThat(context.header()).isEqualTo("00-" + TRACE + "-" + context.spanId() + "-01");
        }

        @Test
        void whenThereIsNoTraceThenANewUnsampledOneStarts() {
            var context = TraceContext.continueOrStart(null);

            assertThat(context.header()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
            assertThat(TraceContext.parse(context.header())).contains(context);
        }
    }
}
