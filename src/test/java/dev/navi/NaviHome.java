package dev.navi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh NAVI_HOME per test JVM: embedded database data, workspaces root and task copies. */
final class NaviHome {

    static final Path HOME = create();
    static final Path WORKSPACES = HOME.resolve("workspaces");

    private NaviHome() {}

    private static Path create() {
        try {
            var home = Files.createTempDirectory("navi-it-home");
            Files.createDirectories(home.resolve("workspaces"));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new workspace directory under the root with the given files (path, content pairs). */
    static String workspace(String name, String... pathsAndContents) {
        try {
            var dir = WORKSPACES.resolve(name);
            Files.createDirectories(dir);
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                var file = dir.resolve(pathsAndContents[i]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, pathsAndContents[i + 1]);
            }
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
