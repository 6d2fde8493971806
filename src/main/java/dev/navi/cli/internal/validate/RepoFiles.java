package dev.navi.cli.internal.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

/** Writes a scenario's bundled files into a directory, and removes directories it made. */
final class RepoFiles {

    private RepoFiles() {}

    static void write(Map<String, String> files, Path directory) {
        try {
            Files.createDirectories(directory);
            for (var file : files.entrySet()) {
                var target = directory.resolve(file.getKey()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IllegalStateException("scenario file outside its repository: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, ScenarioCatalog.bytes(file.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing a validation for
        }
    }
}
