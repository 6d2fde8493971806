package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The launcher's scripts parse, and the JDK search skips a Java 17 that comes first. */
class LauncherTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath();

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"navi", "scripts/find-jdk.sh", ".ci/run"})
    void whenCheckedByBashThenTheScriptParses(String script) throws Exception {
        var result = Shell.run(REPOSITORY, temp, Map.of(), "bash -n " + script);

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void whenTheLauncherIsCheckedOutThenItIsExecutable() {
        assertThat(Files.isExecutable(REPOSITORY.resolve("navi"))).isTrue();
    }

    @Test
    void whenJava17IsFirstOnPathThenTheJdkSearchFindsAJdk25() throws Exception {
        var java17 = Shell.fakeJava17(temp.resolve("jdk-17"));

        var result = Shell.run(
                REPOSITORY,
                java17,
                Map.of(),
                ". scripts/find-jdk.sh && navi_find_jdk && \"$JAVA_HOME/bin/java\" -XshowSettings:properties -version");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("java.specification.version = 25");
    }

    @Test
    void whenJavaHomeIsAJava17ThenTheJdkSearchLooksFurther() throws Exception {
        var java17 = Shell.fakeJava17(temp.resolve("jdk-17"));

        var result = Shell.run(
                REPOSITORY,
                java17,
                Map.of("JAVA_HOME", java17.getParent().toString()),
                ". scripts/find-jdk.sh && navi_find_jdk && echo \"found $JAVA_HOME\"");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("found /").doesNotContain("found " + java17.getParent());
    }
}
