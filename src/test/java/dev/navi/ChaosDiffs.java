package dev.navi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@link ChaosIT} expects of a task's final diff: the undisturbed run's, file by file, except for the files
 * of writing calls that a restart interrupted. Such a call is reported to the model and never run again
 * (at-most-once, docs/durability.md), so its file is as the rest of the run left it; in this script no other
 * call writes that file.
 */
final class ChaosDiffs {

    static final String INTERRUPTED = "interrupted by a worker restart";
    private static final Set<String> WRITING = Set.of("write_file", "edit_file");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChaosDiffs() {}

    /** The diff's sections by path. */
    static Map<String, String> byFile(String diff) {
        var sections = new LinkedHashMap<String, String>();
        for (var section : diff.split("(?m)^(?=diff --git )")) {
            if (section.startsWith("diff --git a/")) {
                var header = section.substring("diff --git a/".length(), section.indexOf('\n'));
                sections.put(header.substring(0, header.indexOf(" b/")), section);
            }
        }
        return sections;
    }

    /** The undisturbed run's sections without the files of the task's interrupted writing calls. */
    static Map<String, String> expected(String undisturbed, List<JsonNode> events) {
        var expected = byFile(undisturbed);
        expected.keySet().removeAll(interruptedWrites(events));
        return expected;
    }

    /** The paths of the writing calls whose stored result says a restart interrupted them. */
    static Set<String> interruptedWrites(List<JsonNode> events) {
        var interrupted = events.stream()
                .filter(e -> is(e, "tool.result") && !e.get("ok").asBoolean())
                .filter(e -> e.get("output").asString().startsWith(INTERRUPTED))
                .map(e -> e.get("toolCallId").asString())
                .collect(Collectors.toSet());
        return events.stream()
                .filter(e ->
                        is(e, "tool.call") && WRITING.contains(e.get("tool").asString()))
                .filter(e -> interrupted.contains(e.get("toolCallId").asString()))
                .map(e ->
                        JSON.readTree(e.get("arguments").asString()).get("path").asString())
                .collect(Collectors.toSet());
    }

    private static boolean is(JsonNode event, String type) {
        return event.get("type").asString().equals(type);
    }
}
