package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.cli.NaviCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code navi validate} in-process against this NAVI and its llm-sim: the smoke suite passes, a wrong solution fails. */
@UsesAnthropicSim
class ValidateIT extends NaviIntegrationTest {

    @TempDir
    Path reports;

    @Test
    void whenTheSmokeSuiteRunsAgainstLlmSimThenEveryScenarioCheckAndObjectivePassesAndItExitsZero() throws IOException {
        var report = reports.resolve("smoke");

        var exit = NaviCli.run(arguments(report, "--suite", "smoke").toArray(String[]::new));

        var result = json.readTree(Files.readString(report.resolve("report.json")));
        assertThat(exit).as(Files.readString(report.resolve("report.md"))).isZero();
        assertThat(result.get("passed").asBoolean()).isTrue();
        assertThat(names(result.get("scenarios")))
                .containsExactly("fix-python", "fix-java", "sandbox-refusal", "iteration-limit");
        assertThat(result.get("scenarios")).allSatisfy(scenario -> {
            assertThat(scenario.get("passed").asBoolean()).isTrue();
            assertThat(scenario.get("iterations").asInt()).isPositive();
            assertThat(scenario.get("inputTokens").asLong()).isPositive();
            assertThat(scenario.get("costUsd").isNumber()).isTrue();
        });
        var iterationLimit = result.get("scenarios").get(3);
        assertThat(iterationLimit.get("status").asString()).isEqualTo("failed");
        assertThat(iterationLimit.get("stopReason").asString()).isEqualTo("max_iterations");
        assertThat(names(result.get("checks")))
                .containsExactly("stream-continuity", "heartbeats", "resume", "cancel-latency", "bad-model");
        assertThat(result.get("checks"))
                .allSatisfy(check -> assertThat(check.get("passed").asBoolean())
                        .as(check.toString())
                        .isTrue());
        assertThat(result.get("slos"))
                .extracting(row -> row.get("verdict").asString())
                .doesNotContain("missed");
        assertThat(Files.readString(report.resolve("report.md")))
                .contains("# NAVI validation: ✅ passed", "| ✅ | fix-python |", "| ✅ | Task success |");
        assertThat(NaviHome.WORKSPACES.resolve("navi-validate")).isEmptyDirectory();
    }

    @Test
    void whenTheFullSuitesOwnScenariosRunThenTheirScriptedSolutionsPassTheirHiddenChecks() throws IOException {
        var report = reports.resolve("full");

        var exit =
                NaviCli.run(arguments(report, "--suite", "full", "--scenario", "add-function", "--scenario", "refactor")
                        .toArray(String[]::new));

        var result = json.readTree(Files.readString(report.resolve("report.json")));
        assertThat(exit).as(Files.readString(report.resolve("report.md"))).isZero();
        assertThat(names(result.get("scenarios"))).containsExactly("add-function", "refactor");
        assertThat(result.get("scenarios"))
                .allSatisfy(scenario ->
                        assertThat(scenario.get("testsPassed").asBoolean()).isTrue());
    }

    @Test
    void whenTheRepositoriesArePushedToAGitRemoteThenNaviClonesThemAndTheScenarioPasses() throws IOException {
        var report = reports.resolve("git");
        var remote = NaviHome.WORKSPACES.resolve("validate-remote.git");
        var init = new ProcessBuilder("git", "init", "-q", "--bare", remote.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(init.onExit().join().exitValue()).isZero();
        var arguments = arguments(report, "--suite", "smoke", "--scenario", "fix-java");
        var root = arguments.indexOf("--workspace-root");
        arguments.set(root, "--git-remote");
        arguments.set(root + 1, remote.toUri().toString());

        var exit = NaviCli.run(arguments.toArray(String[]::new));

        var result = json.readTree(Files.readString(report.resolve("report.json")));
        assertThat(exit).as(Files.readString(report.resolve("report.md"))).isZero();
        assertThat(result.get("delivery").asString()).contains("pushed as branches");
        assertThat(result.at("/scenarios/0/testsPassed").asBoolean()).isTrue();
    }

    @Test
    void whenAScriptedSolutionDoesNotMakeTheTestsPassThenTheScenarioFailsAndItExitsOne() throws IOException {
        var report = reports.resolve("broken");
        var wrong = reports.resolve("wrong-fix.json");
        Files.writeString(wrong, """
                {"turns": [
                  {"tool_calls": [{"name": "edit_file", "arguments":
                    {"path": "calc.py", "old_text": "return a - b", "new_text": "return a * b"}}]},
                  {"text": "Fixed it, the tests pass."}
                ]}
                """);

        var exit = NaviCli.run(
                arguments(report, "--suite", "smoke", "--scenario", "fix-python", "--sim-script", "fix-python=" + wrong)
                        .toArray(String[]::new));

        var result = json.readTree(Files.readString(report.resolve("report.json")));
        assertThat(exit).isEqualTo(1);
        assertThat(result.get("passed").asBoolean()).isFalse();
        var scenario = result.get("scenarios").get(0);
        assertThat(scenario.get("status").asString()).isEqualTo("succeeded");
        assertThat(scenario.get("passed").asBoolean()).isFalse();
        assertThat(scenario.get("failures").get(0).asString()).contains("the tests do not pass");
        assertThat(Files.readString(report.resolve("report.md")))
                .contains("# NAVI validation: ❌ failed", "| ❌ | fix-python |", "| ❌ | Task success |");
    }

    private List<String> arguments(Path report, String... more) {
        var arguments = new ArrayList<>(List.of(
                "validate",
                "--base-url",
                "http://127.0.0.1:" + port,
                "--token-file",
                NaviHome.HOME.resolve("admin.token").toString(),
                "--workspace-root",
                NaviHome.WORKSPACES_ROOT.toString(),
                "--llm-sim",
                TestLlmSim.SIM.baseUrl(),
                "--heartbeat-interval",
                "300ms",
                // a loaded 2-core machine may hold a heartbeat or a cancel back for seconds: the IT is
                // about the checks working, the deployment's own run about its figures
                "--heartbeat-tolerance",
                "5s",
                "--max-cancel-latency",
                "30s",
                "--report",
                report.toString()));
        arguments.addAll(List.of(more));
        return arguments;
    }

    private static List<String> names(JsonNode array) {
        var names = new ArrayList<String>();
        array.forEach(node -> names.add(node.get("name").asString()));
        return names;
    }
}
