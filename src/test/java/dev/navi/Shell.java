package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the repository's shell scripts the way a newcomer would: a Java 17 first on PATH, no JAVA_HOME. */
final class Shell {

    /** What a finished command printed (standard output and error together) and its exit code. */
    record Result(int exitCode, String output) {}

    private Shell() {}

    /**
     * A {@code bin/java} that behaves like a Java 17: it reports version 17 and fails on a Java 25 class file the
     * way a real one does. Its directory is the fake's {@code java.home}.
     */
    static Path fakeJava17(Path directory) throws IOException {
        var bin = Files.createDirectories(directory.resolve("bin"));
        var java = bin.resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                case "$*" in
                  *-XshowSettings:properties*)
                    printf '    java.home = %s\\n    java.specification.version = 17\\n' "%s" >&2 ;;
                  *)
                    echo 'Error: UnsupportedClassVersionError: class file version 69.0, this Java runtime up to 61.0' >&2
                    exit 1 ;;
                esac
                """.formatted("%s", directory));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    /** Runs {@code bash -c script} in {@code directory} with {@code pathFirst} before PATH and JAVA_HOME unset. */
    static Result run(Path directory, Path pathFirst, Map<String, String> environment, String script)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(List.of("bash", "-c", script))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", pathFirst + ":" + System.getenv("PATH"));
        builder.environment().putAll(environment);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("finished: " + script)
                .isTrue();
        return new Result(process.exitValue(), output);
    }
}
