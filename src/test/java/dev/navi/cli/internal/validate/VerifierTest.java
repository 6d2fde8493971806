package dev.navi.cli.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {

    private final Verifier verifier = new Verifier(Duration.ofMinutes(2));
    private final Scenario fixJava = ScenarioCatalog.all().stream()
            .filter(s -> s.name().equals("fix-java"))
            .findFirst()
            .orElseThrow();

    @TempDir
    Path work;

    @Nested
    class Tests {

        @Test
        void whenTheDiffFixesTheCodeThenTheTestsPass() throws IOException {
            var diff = diffOf("append(word.substring(1).toUpperCase())", "append(word.substring(1))");

            var verification = verifier.verify(fixJava, diff);

            assertThat(verification.applied()).isTrue();
            assertThat(verification.testsPassed()).as(verification.output()).isTrue();
            assertThat(verification.touched()).containsExactly("TitleCase.java");
        }

        @Test
        void whenTheDiffDoesNotFixTheCodeThenTheTestsFailWhateverTheModelSaid() throws IOException {
            var diff = diffOf("var out = new StringBuilder();", "var out = new StringBuilder(); // fixed!");

            var verification = verifier.verify(fixJava, diff);

            assertThat(verification.applied()).isTrue();
            assertThat(verification.testsPassed()).isFalse();
            assertThat(verification.output()).contains("FAILED: expected 'Hello World'");
        }

        @Test
        void whenTheDiffIsEmptyThenTheRepositoryIsTestedAsItIs() {
            var verification = verifier.verify(fixJava, "");

            assertThat(verification.applied()).isTrue();
            assertThat(verification.testsPassed()).isFalse();
        }
    }

    @Nested
    class Patches {

        @Test
        void whenTheDiffDoesNotApplyThenNothingIsTested() {
            var diff = """
                    diff --git a/TitleCase.java b/TitleCase.java
                    --- a/TitleCase.java
                    +++ b/TitleCase.java
                    @@ -1,1 +1,1 @@
                    -no such line
                    +something else
                    """;

            var verification = verifier.verify(fixJava, diff);

            assertThat(verification.applied()).isFalse();
            assertThat(verification.testsPassed()).isNull();
            assertThat(verification.output()).startsWith("git apply failed");
        }

        @Test
        void whenADiffRenamesAFileThenBothSidesAreTouched() {
            assertThat(Verifier.touched("diff --git a/old.py b/new.py\nsimilarity index 90%\n"))
                    .containsExactly("old.py", "new.py");
        }

        @Test
        void whenTheVerifierIsJavaThenThisJvmsLauncherRunsIt() {
            assertThat(Verifier.command(List.of("java", "T.java")).getFirst())
                    .endsWith("java")
                    .contains("/");
            assertThat(Verifier.command(List.of("python3", "-m", "unittest")))
                    .containsExactly("python3", "-m", "unittest");
        }
    }

    /** The diff {@code git diff} gives for one replacement in the scenario's repository. */
    private String diffOf(String oldText, String newText) throws IOException {
        var repo = work.resolve("repo");
        RepoFiles.write(fixJava.files(), repo);
        git(repo, "init", "-q");
        git(repo, "add", "-A");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-qm", "base");
        var file = repo.resolve("TitleCase.java");
        var source = Files.readString(file);
        assertThat(source).contains(oldText);
        Files.writeString(file, source.replace(oldText, newText));
        return git(repo, "diff", "--binary");
    }

    private static String git(Path repo, String... arguments) {
        var command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        var result = Processes.run(repo, Duration.ofSeconds(30), command);
        assertThat(result.ok()).as(result.output()).isTrue();
        return result.output();
    }
}
