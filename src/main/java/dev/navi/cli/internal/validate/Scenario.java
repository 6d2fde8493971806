package dev.navi.cli.internal.validate;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One bundled coding scenario: its repository ({@code files}: path inside the repository → resource),
 * the files a verifier adds after the diff ({@code checkFiles}), the prompt, what must happen, the
 * command that runs the repository's tests, and llm-sim's scripted solution.
 */
record Scenario(
        String name,
        String description,
        List<String> suites,
        String prompt,
        JsonNode limits,
        Expected expected,
        List<String> verify,
        JsonNode script,
        Map<String, String> files,
        Map<String, String> checkFiles) {

    boolean inSuite(Suite suite) {
        return suites.contains(suite.wireName());
    }

    /**
     * What must happen: the task's final {@code status} and {@code stopReason}; {@code testsPass}
     * (null: the verifier is not run); files the diff must touch; markers each named by at least one tool
     * call, every one of them refused; the iterations the task must end with (null: any).
     */
    record Expected(
            String status,
            String stopReason,
            Boolean testsPass,
            List<String> diffTouches,
            List<String> refusedMarkers,
            Integer iterations) {}
}
