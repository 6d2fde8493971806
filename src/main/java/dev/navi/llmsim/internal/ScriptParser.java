package dev.navi.llmsim.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the script JSON format described in docs/llm-sim.md. */
final class ScriptParser {

    private final JsonMapper mapper;

    ScriptParser(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Parses a script; {@code fallbackName} is used when the JSON has no {@code name}. */
    Script parse(String json, Optional<String> fallbackName) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidScriptException("not valid JSON: " + e.getOriginalMessage());
        }
        JsonFields fields = new JsonFields(root, "script");
        String name =
                fields.string("name").or(() -> fallbackName).orElseThrow(() -> fields.invalid("name", "is required"));
        List<Turn> turns = new ArrayList<>();
        for (JsonNode turn : fields.array("turns")) {
            turns.add(turn(turn, "turns[" + turns.size() + "]"));
        }
        if (turns.isEmpty()) {
            throw fields.invalid("turns", "must hold at least one turn");
        }
        return new Script(name, turns);
    }

    private Turn turn(JsonNode node, String where) {
        JsonFields fields = new JsonFields(node, where);
        List<ScriptedToolCall> toolCalls = new ArrayList<>();
        for (JsonNode call : fields.array("tool_calls")) {
            toolCalls.add(toolCall(call, where + ".tool_calls[" + toolCalls.size() + "]"));
        }
        List<Fault> faults = new ArrayList<>();
        for (JsonNode fault : fields.array("faults")) {
            faults.add(fault(fault, where + ".faults[" + faults.size() + "]"));
        }
        return new Turn(
                fields.string("text").orElse(""),
                toolCalls,
                fields.has("usage") ? Optional.of(usage(fields.object("usage"), where + ".usage")) : Optional.empty(),
                fields.number("delay_ms", 0, 0),
                fields.number("chunk_delay_ms", 0, 0),
                fields.integer("chunk_chars", Turn.DEFAULT_CHUNK_CHARS, 1),
                faults);
    }

    private ScriptedToolCall toolCall(JsonNode node, String where) {
        JsonFields fields = new JsonFields(node, where);
        String name = fields.string("name").orElseThrow(() -> fields.invalid("name", "is required"));
        Optional<String> raw = fields.string("arguments_raw");
        if (raw.isPresent()) {
            return new ScriptedToolCall(name, raw.get(), true);
        }
        String arguments = fields.has("arguments") ? mapper.writeValueAsString(fields.object("arguments")) : "{}";
        return new ScriptedToolCall(name, arguments, false);
    }

    private static TokenCounts usage(JsonNode node, String where) {
        JsonFields fields = new JsonFields(node, where);
        return new TokenCounts(fields.integer("input_tokens", 0, 0), fields.integer("output_tokens", 0, 0));
    }

    private static Fault fault(JsonNode node, String where) {
        JsonFields fields = new JsonFields(node, where);
        int times = fields.integer("times", 1, Fault.FOREVER);
        if (times == 0) {
            throw fields.invalid("times", "must be -1 (forever) or at least 1");
        }
        if (fields.has("status")) {
            return new Fault.Status(
                    fields.integer("status", 0, 400),
                    headers(fields),
                    fields.has("body") ? Optional.of(node.get("body")) : Optional.empty(),
                    fields.string("error_type"),
                    fields.string("code"),
                    fields.string("message"),
                    times);
        }
        if (fields.has("cut_after_chunks")) {
            return new Fault.Cut(fields.integer("cut_after_chunks", 0, 0), times);
        }
        if (fields.has("hang_ms")) {
            return new Fault.Hang(fields.number("hang_ms", 0, 0), times);
        }
        if (fields.has("stream_error_after_chunks")) {
            return new Fault.StreamError(
                    fields.integer("stream_error_after_chunks", 0, 0),
                    fields.string("error_type"),
                    fields.string("message"),
                    times);
        }
        throw new InvalidScriptException(
                where + " needs one of status, cut_after_chunks, hang_ms, stream_error_after_chunks");
    }

    private static Map<String, String> headers(JsonFields fields) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (fields.has("headers")) {
            for (var header : fields.object("headers").properties()) {
                headers.put(header.getKey(), header.getValue().asString());
            }
        }
        return headers;
    }
}
