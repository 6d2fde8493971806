package dev.navi.llmsim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ScriptParserTest {

    private final ScriptParser parser = new ScriptParser(JsonMapper.builder().build());

    private Turn onlyTurn(String turnJson) {
        return parser.parse("{\"name\": \"s\", \"turns\": [" + turnJson + "]}", Optional.empty())
                .turns()
                .getFirst();
    }

    @Nested
    class Turns {

        @Test
        void whenTurnHasOnlyTextThenDefaultsApply() {
            Turn turn = onlyTurn("{\"text\": \"hi\"}");

            assertThat(turn.text()).isEqualTo("hi");
            assertThat(turn.toolCalls()).isEmpty();
            assertThat(turn.usage()).isEmpty();
            assertThat(turn.delayMs()).isZero();
            assertThat(turn.chunkChars()).isEqualTo(Turn.DEFAULT_CHUNK_CHARS);
            assertThat(turn.faults()).isEmpty();
        }

        @Test
        void whenToolCallHasArgumentsThenTheyAreKeptAsJsonText() {
            Turn turn = onlyTurn("{\"tool_calls\": [{\"name\": \"w\", \"arguments\": {\"path\": \"a\"}},"
                    + " {\"name\": \"r\", \"arguments_raw\": \"{oops\"}, {\"name\": \"n\"}]}");

            assertThat(turn.toolCalls())
                    .containsExactly(
                            new ScriptedToolCall("w", "{\"path\":\"a\"}", false),
                            new ScriptedToolCall("r", "{oops", true),
                            new ScriptedToolCall("n", "{}", false));
        }

        @Test
        void whenUsageAndDelaysAreGivenThenTheyAreRead() {
            Turn turn = onlyTurn("{\"text\": \"t\", \"usage\": {\"input_tokens\": 7, \"output_tokens\": 3},"
                    + " \"delay_ms\": 5, \"chunk_delay_ms\": 2, \"chunk_chars\": 4}");

            assertThat(turn.usage()).contains(new TokenCounts(7, 3));
            assertThat(turn.delayMs()).isEqualTo(5);
            assertThat(turn.chunkDelayMs()).isEqualTo(2);
            assertThat(turn.chunkChars()).isEqualTo(4);
        }

        @Test
        void whenNameIsMissingThenTheFallbackNameIsUsed() {
            Script script = parser.parse("{\"turns\": [{\"text\": \"x\"}]}", Optional.of("from-file"));

            assertThat(script.name()).isEqualTo("from-file");
        }
    }

    @Nested
    class Faults {

        @Test
        void whenFaultsAreGivenThenEachKindIsRecognised() {
            Turn turn = onlyTurn("{\"faults\": [{\"status\": 429, \"headers\": {\"retry-after\": 2}, \"times\": 2},"
                    + " {\"cut_after_chunks\": 3}, {\"hang_ms\": 100},"
                    + " {\"stream_error_after_chunks\": 1, \"error_type\": \"api_error\", \"times\": -1}]}");

            assertThat(turn.faults()).hasSize(4);
            assertThat(turn.faults().get(0)).isInstanceOfSatisfying(Fault.Status.class, status -> {
                assertThat(status.status()).isEqualTo(429);
                assertThat(status.headers()).containsEntry("retry-after", "2");
                assertThat(status.times()).isEqualTo(2);
            });
            assertThat(turn.faults().get(1)).isEqualTo(new Fault.Cut(3, 1));
            assertThat(turn.faults().get(2)).isEqualTo(new Fault.Hang(100, 1));
            assertThat(turn.faults().get(3))
                    .isEqualTo(new Fault.StreamError(1, Optional.of("api_error"), Optional.empty(), Fault.FOREVER));
        }

        @Test
        void whenFaultHasNoKnownKindThenItIsRejected() {
            assertThatThrownBy(() -> onlyTurn("{\"faults\": [{\"times\": 2}]}"))
                    .isInstanceOf(InvalidScriptException.class)
                    .hasMessageContaining("turns[0].faults[0] needs one of");
        }

        @Test
        void whenTimesIsZeroThenItIsRejected() {
            assertThatThrownBy(() -> onlyTurn("{\"faults\": [{\"status\": 500, \"times\": 0}]}"))
                    .hasMessageContaining("times must be -1 (forever) or at least 1");
        }

        @Test
        void whenStatusIsNotAnErrorThenItIsRejected() {
            assertThatThrownBy(() -> onlyTurn("{\"faults\": [{\"status\": 200}]}"))
                    .hasMessageContaining("status must be an integer >= 400");
        }
    }

    @Nested
    class Invalid {

        @Test
        void whenJsonIsMalformedThenItIsRejected() {
            assertThatThrownBy(() -> parser.parse("{", Optional.of("x")))
                    .isInstanceOf(InvalidScriptException.class)
                    .hasMessageContaining("not valid JSON");
        }

        @Test
        void whenNameIsMissingWithoutFallbackThenItIsRejected() {
            assertThatThrownBy(() -> parser.parse("{\"turns\": [{}]}", Optional.empty()))
                    .hasMessageContaining("script.name is required");
        }

        @Test
        void whenFieldHasTheWrongTypeThenThePathIsNamed() {
            assertThatThrownBy(() -> onlyTurn("{\"text\": 3}")).hasMessageContaining("turns[0].text must be a string");
        }
    }
}
