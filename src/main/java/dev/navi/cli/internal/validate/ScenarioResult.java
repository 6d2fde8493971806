package dev.navi.cli.internal.validate;

import java.util.List;

/** How one scenario went: the task's figures, the verifier's verdict and every reason it failed. */
record ScenarioResult(
        String name,
        String description,
        String taskId,
        String status,
        String stopReason,
        String errorClass,
        int iterations,
        long inputTokens,
        long outputTokens,
        Double costUsd,
        Long submitToFirstEventMs,
        Long submitToStartedMs,
        Long wallMs,
        List<Long> llmLatenciesMs,
        List<Long> timesToFirstTokenMs,
        long llmUpstreamErrors,
        long llmCalls,
        int streamEvents,
        Boolean testsPassed,
        List<String> failures) {

    boolean passed() {
        return failures.isEmpty();
    }

    static ScenarioResult broken(String name, String description, String why) {
        return new ScenarioResult(
                name,
                description,
                null,
                "not run",
                null,
                null,
                0,
                0,
                0,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                0,
                0,
                0,
                null,
                List.of(why));
    }
}
