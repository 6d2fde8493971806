package dev.navi.llmsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Starts a sim on a free port with two scripts, {@code default} and {@code tools}, for each test. */
abstract class SimTestSupport {

    static final String DEFAULT_SCRIPT = """
            {"name": "default", "turns": [{"text": "Hello from the default script."}]}
            """;

    static final String TOOLS_SCRIPT = """
            {"turns": [
              {"text": "Reading.",
               "tool_calls": [{"name": "read_file", "arguments": {"path": "README.md"}},
                              {"name": "list_dir", "arguments": {"path": "src/main/java"}}]},
              {"text": "Done: the README explains the build.", "usage": {"input_tokens": 1200, "output_tokens": 40}}
            ]}
            """;

    @TempDir
    Path scriptsDir;

    LlmSim sim;
    SimHttp http;

    @BeforeEach
    void startSim() throws IOException {
        Files.writeString(scriptsDir.resolve("default.json"), DEFAULT_SCRIPT);
        Files.writeString(scriptsDir.resolve("tools.json"), TOOLS_SCRIPT);
        sim = LlmSim.start(0, scriptsDir);
        http = new SimHttp(sim.baseUrl());
    }

    @AfterEach
    void stopSim() {
        sim.close();
    }

    void addScript(String json) {
        assertThat(http.post("/_sim/scripts", json).statusCode()).isEqualTo(200);
    }

    List<JsonNode> loggedRequests() {
        return List.copyOf(
                SimHttp.JSON.readTree(http.get("/_sim/requests").body()).values());
    }

    /** Concatenates the given field of every event's JSON found at {@code pointer}. */
    static String joined(List<SimHttp.Event> events, String pointer) {
        StringBuilder text = new StringBuilder();
        for (SimHttp.Event event : events) {
            if (!event.data().startsWith("[")) {
                JsonNode value = event.json().at(pointer);
                if (value.isString()) {
                    text.append(value.stringValue());
                }
            }
        }
        return text.toString();
    }
}
