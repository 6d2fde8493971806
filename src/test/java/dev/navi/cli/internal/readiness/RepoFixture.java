package dev.navi.cli.internal.readiness;

import dev.navi.ops.OpsArtifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of this checkout's deploy/ and docs/ to plant faults in. */
final class RepoFixture {

    private RepoFixture() {}

    static Path copy(Path into) {
        var root = OpsArtifacts.root();
        for (var dir : new String[] {"deploy", "docs"}) {
            try (Stream<Path> walk = Files.walk(root.resolve(dir))) {
                walk.forEach(source -> {
                    var target = into.resolve(root.relativize(source).toString());
                    try {
                        if (Files.isDirectory(source)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(source, target);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return into;
    }

    static void replace(Path repo, String file, String from, String to) {
        try {
            var path = repo.resolve(file);
            var text = Files.readString(path);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(path, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
