package dev.navi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The rules pass Prometheus's own checker and unit tests (Debian's prometheus package provides promtool). */
class PromtoolRulesTest {

    private static final Path PROMETHEUS = OpsArtifacts.root().resolve("deploy/prometheus");

    @Nested
    class WithPromtool {

        @Test
        void whenRulesAreCheckedThenPromtoolAcceptsThem() throws Exception {
            var result = promtool("check", "rules", "recording-rules.yml", "alert-rules.yml");

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("SUCCESS");
        }

        @Test
        void whenRuleUnitTestsRunThenEveryCasePasses() throws Exception {
            var command = new ArrayList<>(List.of("test", "rules"));
            command.addAll(
                    testFiles().stream().map(f -> "tests/" + f.getFileName()).toList());

            var result = promtool(command.toArray(String[]::new));

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).doesNotContain("FAILED");
        }
    }

    @Nested
    class Coverage {

        @Test
        void whenAlertsAreUnitTestedThenEachHasAFiringAndAQuietCase() throws IOException {
            var firing = new TreeSet<String>();
            var quiet = new TreeSet<String>();
            for (var file : testFiles()) {
                for (var testCase : alertTestCases(file)) {
                    var expected = (List<?>) testCase.get("exp_alerts");
                    (expected == null || expected.isEmpty() ? quiet : firing).add((String) testCase.get("alertname"));
                }
            }
            var alerts = OpsArtifacts.alerts().stream()
                    .map(OpsArtifacts.Alert::name)
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));

            assertThat(firing).as("alerts with a firing case").isEqualTo(alerts);
            assertThat(quiet).as("alerts with a quiet case").isEqualTo(alerts);
        }

        @Test
        void whenTestFilesNameRuleFilesThenTheyAreTheRepositoryRules() throws IOException {
            for (var file : testFiles()) {
                Map<String, Object> document = new Yaml().load(Files.readString(file));
                assertThat(document.get("rule_files"))
                        .as(file.toString())
                        .isEqualTo(List.of("../recording-rules.yml", "../alert-rules.yml"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alertTestCases(Path file) throws IOException {
        Map<String, Object> document = new Yaml().load(Files.readString(file));
        var cases = new ArrayList<Map<String, Object>>();
        for (var test : (List<Map<String, Object>>) document.get("tests")) {
            cases.addAll((List<Map<String, Object>>) test.getOrDefault("alert_rule_test", List.of()));
        }
        return cases;
    }

    private static List<Path> testFiles() throws IOException {
        try (var files = Files.list(PROMETHEUS.resolve("tests"))) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private record Result(int exitCode, String output) {}

    private static Result promtool(String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(promtoolExecutable());
        command.addAll(List.of(arguments));
        var log = Files.createTempFile("promtool", ".log");
        try {
            var process = new ProcessBuilder(command)
                    .directory(PROMETHEUS.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            var finished = process.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            var output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(finished)
                    .as("promtool finished within 5 minutes: " + output)
                    .isTrue();
            return new Result(process.exitValue(), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String promtoolExecutable() {
        var path = System.getenv().getOrDefault("PATH", "");
        for (var dir : path.split(File.pathSeparator)) {
            var candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("promtool is not on the PATH. It comes with Debian's prometheus package, which .ci/run installs"
                + " (apt-get install prometheus); install it the same way to run these tests.");
    }
}
