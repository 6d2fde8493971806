package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What {@link ChaosIT} asserts of the model requests of one task. llm-sim's turn {@code t} is the task's
 * iteration {@code t + 1}. For each iteration:
 *
 * <ul>
 *   <li>exactly one {@code llm.response} is stored;
 *   <li>llm-sim received its turn at least once, and every time before that response was stored (an answered
 *       and stored turn is never requested again);
 *   <li>it received it at most {@code 1 + r + k} times, where {@code r} is the number of {@code task.resumed}
 *       between the iteration's first {@code llm.request} and its {@code llm.response} (an attempt that took
 *       the task over while the turn was in flight asks once more) and {@code k} its {@code llm.retry} events;
 *   <li>no {@code llm.request} of it follows its {@code llm.response}.
 * </ul>
 */
final class ChaosTurns {

    private ChaosTurns() {}

    static void assertNoAnsweredTurnRequestedAgain(String taskId, List<JsonNode> events, List<JsonNode> requests) {
        int iterations =
                (int) events.stream().filter(e -> is(e, "llm.response")).count();
        assertThat(requests)
                .as("turns llm-sim received for %s", taskId)
                .allSatisfy(r -> assertThat(r.get("turn").asInt()).isBetween(0, iterations - 1));
        for (int iteration = 1; iteration <= iterations; iteration++) {
            int turn = iteration - 1;
            var responses = of(events, "llm.response", iteration);
            assertThat(responses)
                    .as("llm.response of iteration %d of %s", iteration, taskId)
                    .hasSize(1);
            var response = responses.getFirst();
            long responseSeq = response.get("seq").asLong();
            var asked = of(events, "llm.request", iteration);
            long firstAsked = asked.getFirst().get("seq").asLong();
            assertThat(asked)
                    .as("llm.request of iteration %d of %s after its response", iteration, taskId)
                    .allSatisfy(r -> assertThat(r.get("seq").asLong()).isLessThan(responseSeq));
            long resumed = events.stream()
                    .filter(e -> is(e, "task.resumed"))
                    .filter(e ->
                            e.get("seq").asLong() > firstAsked && e.get("seq").asLong() < responseSeq)
                    .count();
            long retried = of(events, "llm.retry", iteration).size();
            var received =
                    requests.stream().filter(r -> r.get("turn").asInt() == turn).toList();
            var stored = Instant.parse(response.get("ts").asString());
            assertThat(received)
                    .as(
                            "requests for turn %d of %s (%d resumed while in flight, %d retries)",
                            turn, taskId, resumed, retried)
                    .hasSizeBetween(1, (int) (1 + resumed + retried))
                    .allSatisfy(r ->
                            assertThat(Instant.parse(r.get("time").asString())).isBefore(stored));
        }
    }

    private static List<JsonNode> of(List<JsonNode> events, String type, int iteration) {
        return events.stream()
                .filter(e -> is(e, type) && e.get("iteration").asInt() == iteration)
                .toList();
    }

    private static boolean is(JsonNode event, String type) {
        return event.get("type").asString().equals(type);
    }
}
