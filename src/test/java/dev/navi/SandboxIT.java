package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The model itself tries to leave the command sandbox (script {@code sandbox-escape}); every attempt is contained. */
@UsesAnthropicSim
class SandboxIT extends NaviIntegrationTest {

    private static final Set<String> SCRUBBED = Set.of("PATH", "HOME", "LANG", "TERM", "PWD", "SHLVL", "_");

    @Test
    void whenTheModelTriesToReachSecretsOtherFilesAndTheNetworkThenEveryAttemptIsContained() {
        var id = submit("sandbox-escape", NaviHome.workspace("sandbox-escape", "a.txt", "a\n"), null)
                .get("id")
                .asString();

        List<String> outputs = stream(id).stream()
                .filter(e -> e.type().equals("tool.result"))
                .map(e -> json.readTree(e.data()))
                .map(SandboxIT::output)
                .toList();

        assertThat(outputs).hasSize(6).noneMatch(output -> output.contains("sk-ant-test"));
        assertThat(outputs.get(0)).contains("[shadow 1]").doesNotContain("root:");
        assertThat(outputs.get(1).lines().skip(1))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(SCRUBBED).contains(name));
        assertThat(outputs.get(2)).contains("bwrap").doesNotContain("java");
        assertThat(outputs.get(3).lines())
                .doesNotContain("pgdata", "workspaces", "baseline.git")
                .contains("work");
        assertThat(Path.of("/tmp/navi-sandbox-it-planted.txt")).doesNotExist();
        assertThat(NaviHome.HOME.resolve("tasks").resolve(id).resolve("planted.txt"))
                .doesNotExist();
        assertThat(outputs.get(5).lines().skip(1)).containsExactly("0");
        assertThat(task(id).get("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void whenReadinessIsAskedThenItShowsTheSandboxAtWork() {
        var ready = parse(get("/health/ready", "application/json"));

        assertThat(ready.at("/components/sandbox/status").asString()).isEqualTo("UP");
        assertThat(ready.at("/components/sandbox/details/available").asBoolean())
                .isTrue();
        assertThat(ready.at("/components/sandbox/details/mode").asString()).isEqualTo("auto");
        assertThat(ready.at("/components/sandbox/details/network").asBoolean()).isFalse();
        assertThat(get("/metrics", "text/plain").body()).contains("navi_tools_sandbox_available 1.0");
    }

    private static String output(JsonNode result) {
        return result.get("output").asString();
    }
}
