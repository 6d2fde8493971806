package dev.navi.cli.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScenarioCatalogTest {

    @Nested
    class Index {

        @Test
        void whenTheResourcesAreListedThenFilesTxtNamesEveryFileAndNoOther() throws IOException, URISyntaxException {
            var root = Path.of(ScenarioCatalogTest.class
                            .getResource("/validate/files.txt")
                            .toURI())
                    .getParent();
            try (var files = Files.walk(root)) {
                var onDisk = files.filter(Files::isRegularFile)
                        .map(f -> root.relativize(f).toString().replace('\\', '/'))
                        .filter(f -> !f.equals("files.txt"))
                        .collect(Collectors.toSet());
                var listed = Files.readString(root.resolve("files.txt"))
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .collect(Collectors.toSet());

                assertThat(listed).as("validate/files.txt").isEqualTo(onDisk);
            }
        }
    }

    @Nested
    class Suites {

        @Test
        void whenTheSuitesAreReadThenSmokeIsASubsetOfFullAndFullHasEveryKindOfScenario() {
            var smoke =
                    ScenarioCatalog.of(Suite.smoke).stream().map(Scenario::name).toList();
            var full =
                    ScenarioCatalog.of(Suite.full).stream().map(Scenario::name).toList();

            assertThat(full)
                    .containsExactly(
                            "fix-python", "fix-java", "add-function", "refactor", "sandbox-refusal", "iteration-limit");
            assertThat(full).containsAll(smoke);
            assertThat(smoke).hasSizeLessThan(full.size()).contains("fix-python", "fix-java");
        }

        @Test
        void whenAScenarioIsLoadedThenItHasAPromptAScriptAndItsRepository() {
            assertThat(ScenarioCatalog.of(Suite.full)).allSatisfy(scenario -> {
                assertThat(scenario.prompt()).isNotBlank();
                assertThat(scenario.script().path("turns").isArray()).isTrue();
                assertThat(scenario.files()).isNotEmpty();
            });
        }

        @Test
        void whenARepositoryHasAnUnderscoreGitignoreThenItIsWrittenAsDotGitignore() {
            var fixPython = ScenarioCatalog.all().stream()
                    .filter(s -> s.name().equals("fix-python"))
                    .findFirst()
                    .orElseThrow();

            assertThat(fixPython.files()).containsKey(".gitignore").doesNotContainKey("_gitignore");
            assertThat(ScenarioCatalog.repoPath("a/_gitignore")).isEqualTo("a/.gitignore");
            assertThat(ScenarioCatalog.repoPath("not_gitignore")).isEqualTo("not_gitignore");
        }
    }
}
