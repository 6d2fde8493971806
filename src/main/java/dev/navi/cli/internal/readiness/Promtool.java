package dev.navi.cli.internal.readiness;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/** Prometheus's own checker on the rules, and whether the rule tests cover every alert. */
final class Promtool {

    private static final String DIR = "deploy/prometheus";

    private final OpsKit kit;
    private final Optional<Path> executable;

    Promtool(OpsKit kit, Optional<Path> executable) {
        this.kit = kit;
        this.executable = executable;
    }

    /** promtool on the PATH, if any. */
    static Optional<Path> onPath(Map<String, String> environment) {
        for (var dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "promtool"))) {
                return Optional.of(Path.of(dir, "promtool"));
            }
        }
        return Optional.empty();
    }

    List<Row> run() {
        var tests = testFiles();
        var rows = new ArrayList<Row>();
        rows.add(promtool(
                "the rules pass `promtool check rules`",
                List.of("check", "rules", "recording-rules.yml", "alert-rules.yml")));
        var command = new ArrayList<>(List.of("test", "rules"));
        tests.forEach(t -> command.add("tests/" + t.getFileName()));
        rows.add(
                tests.isEmpty()
                        ? Row.fail(
                                Section.ALERT_RULES,
                                "every alert rule passes `promtool test rules`",
                                DIR + "/tests",
                                "no rule tests (*.yml) in " + DIR + "/tests")
                        : promtool("every alert rule passes `promtool test rules`", command));
        rows.add(coverage(tests));
        return rows;
    }

    private Row promtool(String check, List<String> arguments) {
        var evidence = "promtool " + String.join(" ", arguments) + " (in " + DIR + ")";
        if (executable.isEmpty()) {
            return Row.warn(
                    Section.ALERT_RULES,
                    check,
                    evidence,
                    "promtool is not on the PATH (it comes with the prometheus package)");
        }
        try {
            var log = Files.createTempFile("promtool", ".log");
            try {
                var command = new ArrayList<String>();
                command.add(executable.get().toString());
                command.addAll(arguments);
                var process = new ProcessBuilder(command)
                        .directory(kit.path(DIR).toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    return Row.warn(Section.ALERT_RULES, check, evidence, "promtool did not finish within 5 minutes");
                }
                var output = lastLines(Files.readString(log, StandardCharsets.UTF_8));
                return process.exitValue() == 0
                        ? Row.pass(Section.ALERT_RULES, check, evidence, "exit 0: " + output)
                        : Row.fail(Section.ALERT_RULES, check, evidence, "exit " + process.exitValue() + ": " + output);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return Row.warn(Section.ALERT_RULES, check, evidence, "cannot run promtool: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Row.warn(Section.ALERT_RULES, check, evidence, "interrupted");
        }
    }

    Row coverage(List<Path> tests) {
        var check = "every alert has a firing and a quiet case in the rule tests";
        var evidence = "alert_rule_test entries of " + DIR + "/tests/*.yml";
        try {
            var firing = new TreeSet<String>();
            var quiet = new TreeSet<String>();
            for (var file : tests) {
                for (var testCase : alertTestCases(file)) {
                    var expected = testCase.get("exp_alerts");
                    (expected instanceof List<?> l && !l.isEmpty() ? firing : quiet)
                            .add(String.valueOf(testCase.get("alertname")));
                }
            }
            var untested = new TreeSet<String>();
            for (var alert : kit.alerts()) {
                if (!firing.contains(alert.name()) || !quiet.contains(alert.name())) {
                    untested.add(alert.name()
                            + (firing.contains(alert.name())
                                    ? " (no quiet case)"
                                    : quiet.contains(alert.name()) ? " (no firing case)" : " (no case)"));
                }
            }
            return untested.isEmpty()
                    ? Row.pass(Section.TESTING, check, evidence, firing.size() + " alerts, each with both cases")
                    : Row.fail(Section.TESTING, check, evidence, String.join(", ", untested));
        } catch (RuntimeException | IOException e) {
            return Row.fail(Section.TESTING, check, evidence, "cannot read the rule tests: " + e.getMessage());
        }
    }

    private List<Path> testFiles() {
        try (var files = Files.list(kit.path(DIR + "/tests"))) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alertTestCases(Path file) throws IOException {
        Map<String, Object> document = new Yaml().load(Files.readString(file));
        var cases = new ArrayList<Map<String, Object>>();
        for (var test : (List<Map<String, Object>>) document.getOrDefault("tests", List.of())) {
            cases.addAll((List<Map<String, Object>>) test.getOrDefault("alert_rule_test", List.of()));
        }
        return cases;
    }

    private static String lastLines(String output) {
        var lines = output.strip().lines().filter(l -> !l.isBlank()).toList();
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}
