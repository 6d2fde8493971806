package dev.navi.cli.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryTest {

    private final Scenario fixPython = ScenarioCatalog.all().stream()
            .filter(s -> s.name().equals("fix-python"))
            .findFirst()
            .orElseThrow();

    @TempDir
    Path dir;

    @Nested
    class LocalRoot {

        @Test
        void whenDeliveredThenTheRepositoryIsInTheTenantsDirectoryAndSubmittedByItsRelativePath() {
            var delivery = new Delivery.LocalRoot(dir, "acme");

            var workspace = delivery.deliver(fixPython, "run-1");

            assertThat(workspace.get("path").asString()).isEqualTo("navi-validate/run-1/fix-python");
            var repo = dir.resolve("acme/navi-validate/run-1/fix-python");
            assertThat(repo.resolve("calc.py")).exists();
            assertThat(repo.resolve(".gitignore")).hasContent("__pycache__/");
        }

        @Test
        void whenCleanedUpThenTheRunsDirectoryIsGoneAndOtherRunsStay() {
            var delivery = new Delivery.LocalRoot(dir, "default");
            delivery.deliver(fixPython, "run-1");
            delivery.deliver(fixPython, "run-2");

            delivery.cleanUp("run-1");

            assertThat(dir.resolve("default/navi-validate/run-1")).doesNotExist();
            assertThat(dir.resolve("default/navi-validate/run-2/fix-python/calc.py"))
                    .exists();
        }
    }

    @Nested
    class GitPush {

        @Test
        void whenDeliveredThenTheRepositoryIsABranchOfTheRemoteAndSubmittedAsAGitWorkspace() {
            var remote = dir.resolve("remote.git");
            git(dir, "init", "-q", "--bare", remote.toString());
            var delivery = new Delivery.GitPush(remote.toUri().toString());

            var workspace = delivery.deliver(fixPython, "run-1");

            assertThat(workspace.get("git").asString()).isEqualTo(remote.toUri().toString());
            assertThat(workspace.get("ref").asString()).isEqualTo("navi-validate/run-1/fix-python");
            assertThat(git(remote, "ls-tree", "--name-only", "navi-validate/run-1/fix-python")
                            .lines())
                    .containsExactlyInAnyOrder(".gitignore", "calc.py", "test_calc.py");
        }

        @Test
        void whenTheRemoteDoesNotExistThenDeliveringFailsWithGitsReason() {
            var delivery =
                    new Delivery.GitPush(dir.resolve("missing.git").toUri().toString());

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> delivery.deliver(fixPython, "run-1"))
                    .hasMessageStartingWith("git push failed");
            assertThat(Files.exists(dir.resolve("missing.git"))).isFalse();
        }
    }

    private static String git(Path directory, String... arguments) {
        var command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        var result = Processes.run(directory, Duration.ofSeconds(30), command);
        assertThat(result.ok()).as(result.output()).isTrue();
        return result.output();
    }
}
