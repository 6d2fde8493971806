package dev.navi.cli.internal.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges a task by its diff, not by what the model said: applies the diff with {@code git apply} to
 * a fresh copy of the scenario's repository, adds the scenario's check files, and runs its tests.
 */
final class Verifier {

    private final Duration timeout;

    Verifier(Duration timeout) {
        this.timeout = timeout;
    }

    record Verification(boolean applied, Boolean testsPassed, Set<String> touched, String output) {}

    Verification verify(Scenario scenario, String diff) {
        Path work = null;
        try {
            work = Files.createTempDirectory("navi-validate-" + scenario.name());
            var repo = work.resolve("repo");
            RepoFiles.write(scenario.files(), repo);
            var touched = touched(diff);
            var applied = apply(repo, work.resolve("task.diff"), diff);
            if (!applied.ok()) {
                return new Verification(
                        false, null, touched, "git apply failed: " + Processes.tail(applied.output(), 10));
            }
            if (scenario.expected().testsPass() == null || scenario.verify().isEmpty()) {
                return new Verification(true, null, touched, "");
            }
            RepoFiles.write(scenario.checkFiles(), repo);
            var tests = Processes.run(repo, timeout, command(scenario.verify()));
            return new Verification(true, tests.ok(), touched, Processes.tail(tests.output(), 15));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                RepoFiles.delete(work);
            }
        }
    }

    private Processes.Result apply(Path repo, Path patch, String diff) throws IOException {
        var init = Processes.run(repo, timeout, List.of("git", "init", "-q"));
        if (!init.ok() || diff.isBlank()) {
            return init;
        }
        Files.writeString(patch, diff, StandardCharsets.UTF_8);
        return Processes.run(repo, timeout, List.of("git", "apply", "--whitespace=nowarn", patch.toString()));
    }

    /** The files a {@code git diff} names ({@code diff --git a/X b/Y}: both sides). */
    static Set<String> touched(String diff) {
        var files = new LinkedHashSet<String>();
        for (var line : diff.lines().toList()) {
            if (line.startsWith("diff --git a/")) {
                var sides = line.substring("diff --git a/".length()).split(" b/", 2);
                files.add(sides[0]);
                if (sides.length == 2) {
                    files.add(sides[1]);
                }
            }
        }
        return files;
    }

    /** {@code java} is this JVM's own launcher, so a verifier needs no other JDK on the PATH. */
    static List<String> command(List<String> verify) {
        var command = new ArrayList<>(verify);
        if (!command.isEmpty() && command.getFirst().equals("java")) {
            command.set(0, ProcessHandle.current().info().command().orElse("java"));
        }
        return command;
    }
}
