package dev.navi.cli.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.cli.internal.CliEnvironment;
import dev.navi.cli.internal.NaviClient;
import dev.navi.cli.internal.StreamEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HumanRendererTest {

    private static final String TASK = "7f1c2a9e-0000-4000-8000-000000000001";
    private static final String APPROVAL = "0b6d7c1e-0000-4000-8000-000000000002";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:20Z"), ZoneOffset.UTC);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private HumanRenderer renderer(boolean terminal) {
        var io = new CliEnvironment(
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                terminal);
        return new HumanRenderer(io, TASK, CLOCK);
    }

    private static StreamEvent event(long seq, String type, String fields) {
        var json = "{\"seq\":" + seq + ",\"type\":\"" + type + "\",\"ts\":\"2026-01-01T00:00:0" + seq + "Z\""
                + (fields.isEmpty() ? "" : "," + fields) + "}";
        return new StreamEvent(seq, type, NaviClient.json().readTree(json));
    }

    private static final StreamEvent[] STORY = {
        event(1, "task.queued", "\"model\":\"claude-sim\",\"workspace\":\"demo\""),
        event(2, "task.started", "\"workerId\":\"w-1\""),
        event(3, "llm.request", "\"iteration\":1"),
        event(
                4,
                "llm.response",
                "\"iteration\":1,\"text\":\"\",\"toolCalls\":[{\"name\":\"run_command\"}],"
                        + "\"inputTokens\":1200,\"outputTokens\":40,\"costUsd\":0.0042,\"costKnown\":true,\"latencyMs\":420"),
        event(
                5,
                "tool.call",
                "\"iteration\":1,\"toolCallId\":\"c1\",\"tool\":\"run_command\","
                        + "\"arguments\":{\"command\":\"mvn -q test\"}"),
        event(
                6,
                "tool.result",
                "\"iteration\":1,\"toolCallId\":\"c1\",\"tool\":\"run_command\",\"ok\":false,"
                        + "\"exitCode\":1,\"output\":\"1 test failed\\nat Foo\",\"durationMs\":2300"),
        event(
                7,
                "llm.retry",
                "\"iteration\":2,\"attempt\":1,\"errorClass\":\"rate_limited\",\"message\":\"slow down\","
                        + "\"waitMs\":2000"),
        event(
                8,
                "task.succeeded",
                "\"stopReason\":\"completed\",\"summary\":\"Fixed it.\",\"totals\":{\"iterations\":2,"
                        + "\"inputTokens\":2400,\"outputTokens\":80,\"costUsd\":0.0084,\"costKnown\":true,\"llmCalls\":2}")
    };

    @Nested
    class Plain {

        @Test
        void whenNotATerminalThenEachStepIsOneLineAndTheStatusComesOnceAtTheEnd() {
            var renderer = renderer(false);

            for (var event : STORY) {
                renderer.onEvent(event);
            }
            renderer.finish();

            assertThat(out.toString(StandardCharsets.UTF_8).lines())
                    .containsExactly(
                            "queued     model claude-sim, workspace demo",
                            "started    worker w-1",
                            "[1] llm    -> run_command  1,200 in / 40 out, 420 ms",
                            "[1] tool   run_command mvn -q test  exit 1  2.3 s: 1 test failed at Foo",
                            "[2] retry  rate_limited (attempt 1), waiting 2.0 s: slow down",
                            "succeeded  Fixed it.",
                            "succeeded | 7s | iteration 2 | 2,480 tokens | $0.0084");
        }

        @Test
        void whenAnApprovalIsRequestedThenTheCommandsToDecideArePrinted() {
            var renderer = renderer(false);

            renderer.onEvent(event(
                    5,
                    "approval.requested",
                    "\"approvalId\":\"" + APPROVAL + "\",\"iteration\":1,"
                            + "\"toolCallId\":\"c1\",\"tool\":\"run_command\",\"arguments\":\"{\\\"command\\\":\\\"rm -rf build\\\"}\","
                            + "\"expiresAt\":\"2026-01-01T00:15:00Z\""));

            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("approval   run_command rm -rf build waits for a decision")
                    .contains("navi approve " + TASK + " " + APPROVAL)
                    .contains("navi deny " + TASK + " " + APPROVAL + " --reason");
        }

        @Test
        void whenTheTaskFailsThenTheErrorClassIsShownOnlyWhenItSaysMoreThanTheStopReason() {
            var renderer = renderer(false);

            renderer.onEvent(event(
                    1,
                    "task.failed",
                    "\"stopReason\":\"llm_error\",\"errorClass\":\"authentication\"," + "\"message\":\"key refused\""));
            renderer.onEvent(event(
                    2,
                    "task.failed",
                    "\"stopReason\":\"max_iterations\",\"errorClass\":\"max_iterations\","
                            + "\"message\":\"Stopped after 2 iterations\""));

            assertThat(out.toString(StandardCharsets.UTF_8).lines())
                    .containsExactly(
                            "failed     llm_error: authentication: key refused",
                            "failed     max_iterations: Stopped after 2 iterations");
        }

        @Test
        void whenACallHasAnUnknownPriceThenTheCostIsUnknownNotZero() {
            var renderer = renderer(false);

            renderer.onEvent(event(
                    1,
                    "llm.response",
                    "\"iteration\":1,\"text\":\"hi\",\"inputTokens\":1,"
                            + "\"outputTokens\":1,\"costUsd\":null,\"costKnown\":false,\"latencyMs\":1"));
            renderer.finish();

            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("cost unknown")
                    .doesNotContain("$0");
        }

        @Test
        void whenTheStreamEndsBeforeAnyEventThenNoStatusIsPrinted() {
            var renderer = renderer(true);

            renderer.finish();

            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        }

        @Test
        void whenThereIsANoticeThenItGoesToStderr() {
            var renderer = renderer(false);

            renderer.notice("connection lost (reset); reconnecting... (attempt 1)");

            assertThat(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo("navi: connection lost (reset); reconnecting... (attempt 1)\n");
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @Nested
    class Terminal {

        @Test
        void whenATerminalThenTheStatusLineIsErasedAndRedrawnBelowEachStep() {
            var renderer = renderer(true);

            renderer.onEvent(STORY[0]);
            renderer.onEvent(STORY[1]);
            renderer.tick();

            assertThat(out.toString(StandardCharsets.UTF_8))
                    .isEqualTo(HumanRenderer.ERASE_LINE + "queued     model claude-sim, workspace demo\n"
                            + HumanRenderer.ERASE_LINE + "queued | 19s | iteration 0 | 0 tokens | $0.0000"
                            + HumanRenderer.ERASE_LINE + "started    worker w-1\n"
                            + HumanRenderer.ERASE_LINE + "running | 19s | iteration 0 | 0 tokens | $0.0000"
                            + HumanRenderer.ERASE_LINE + "running | 19s | iteration 0 | 0 tokens | $0.0000");
        }

        @Test
        void whenFinishedThenTheLastStatusStaysAsAPlainLine() {
            var renderer = renderer(true);
            for (var event : STORY) {
                renderer.onEvent(event);
            }

            renderer.finish();

            assertThat(out.toString(StandardCharsets.UTF_8))
                    .endsWith(HumanRenderer.ERASE_LINE + "succeeded | 7s | iteration 2 | 2,480 tokens | $0.0084\n");
        }
    }
}
