package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./navi} with a Java 17 first on PATH and no JAVA_HOME: it runs the packaged jar with a JDK 25, and rebuilds
 * it only when it is missing or older than the sources (in a copy of the repository whose {@code mvnw} only records
 * that it was called and puts the real jar in place).
 */
class LauncherIT {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath();
    private static final Path JAR = REPOSITORY.resolve("target/navi.jar");
    private static final Instant SOURCES_TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path temp;

    private Path java17;

    @BeforeEach
    void setUp() throws Exception {
        java17 = Shell.fakeJava17(temp.resolve("jdk-17"));
    }

    @Test
    void whenRunFromTheRepositoryThenTheJarAnswersWithItsVersion() throws Exception {
        var result = Shell.run(REPOSITORY, java17, Map.of("NAVI_SKIP_BUILD", "1"), "./navi --version");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).startsWith("navi ").doesNotContain("UnsupportedClassVersionError");
    }

    @Test
    void whenAskedForHelpThenTheCommandsAreListedAndNoServerStarts() throws Exception {
        var result = Shell.run(REPOSITORY, java17, Map.of("NAVI_SKIP_BUILD", "1"), "./navi --help");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("navi serve", "llm-sim", "submit", "watch", "validate", "readiness", "Exit codes")
                .doesNotContain("Started NaviApplication");
    }

    @Test
    void whenAskedForTheSimulatorThenItsArgumentsReachIt() throws Exception {
        var result = Shell.run(REPOSITORY, java17, Map.of("NAVI_SKIP_BUILD", "1"), "./navi llm-sim --port");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Missing value after --port").contains("usage: llm-sim");
    }

    @Nested
    class Freshness {

        private Path copy;

        @BeforeEach
        void copyTheLauncher() throws Exception {
            copy = Files.createDirectories(temp.resolve("clone"));
            Files.copy(REPOSITORY.resolve("navi"), copy.resolve("navi"));
            Files.createDirectories(copy.resolve("scripts"));
            Files.copy(REPOSITORY.resolve("scripts/find-jdk.sh"), copy.resolve("scripts/find-jdk.sh"));
            var mvnw = Files.writeString(copy.resolve("mvnw"), """
                    #!/bin/sh
                    echo "mvnw $*" >> build.log
                    mkdir -p target && cp "%s" target/navi.jar
                    """.formatted(JAR));
            Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
            source("pom.xml");
            source("src/main/java/App.java");
            source("src/test/java/AppTest.java");
            try (var paths = Files.walk(copy.resolve("src"))) {
                for (var directory : paths.filter(Files::isDirectory).toList()) {
                    Files.setLastModifiedTime(directory, FileTime.from(SOURCES_TIME));
                }
            }
        }

        private Path source(String path) throws Exception {
            var file = copy.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x");
            return Files.setLastModifiedTime(file, FileTime.from(SOURCES_TIME));
        }

        private Shell.Result navi() throws Exception {
            return Shell.run(copy, java17, Map.of(), "./navi --version");
        }

        private String builds() throws Exception {
            var log = copy.resolve("build.log");
            return Files.exists(log) ? Files.readString(log) : "";
        }

        private void touch(String path, Instant time) throws Exception {
            Files.setLastModifiedTime(copy.resolve(path), FileTime.from(time));
        }

        @Test
        void whenTheJarIsMissingThenItIsBuiltThenRun() throws Exception {
            var result = navi();

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("building target/navi.jar").contains("navi ");
            assertThat(builds()).contains("mvnw ").contains("package").contains("-DskipTests");
        }

        @Test
        void whenTheJarIsNewerThanTheSourcesThenItRunsWithoutABuild() throws Exception {
            navi();
            var first = builds();

            var again = navi();

            assertThat(again.exitCode()).isZero();
            assertThat(again.output()).doesNotContain("building");
            assertThat(builds()).isEqualTo(first);
        }

        @Test
        void whenAMainSourceIsNewerThanTheJarThenItIsRebuilt() throws Exception {
            navi();
            touch("target/navi.jar", SOURCES_TIME.plusSeconds(60));
            touch("src/main/java/App.java", SOURCES_TIME.plusSeconds(120));

            navi();

            assertThat(builds().lines()).hasSize(2);
        }

        @Test
        void whenThePomIsNewerThanTheJarThenItIsRebuilt() throws Exception {
            navi();
            touch("target/navi.jar", SOURCES_TIME.plusSeconds(60));
            touch("pom.xml", SOURCES_TIME.plusSeconds(120));

            navi();

            assertThat(builds().lines()).hasSize(2);
        }

        @Test
        void whenOnlyATestSourceChangedThenTheJarIsNotRebuilt() throws Exception {
            navi();
            touch("target/navi.jar", SOURCES_TIME.plusSeconds(60));
            touch("src/test/java/AppTest.java", SOURCES_TIME.plusSeconds(120));

            navi();

            assertThat(builds().lines()).hasSize(1);
        }
    }
}
