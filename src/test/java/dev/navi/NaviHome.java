package dev.navi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh NAVI_HOME per test JVM: embedded database data, workspaces root and task copies. The
 * workspaces root ({@code navi.workspace.root}) holds one directory per tenant; {@link #WORKSPACES} is
 * the default tenant's, where the tests' workspaces live.
 */
final class NaviHome {

    static final Path HOME = create();
    static final Path WORKSPACES_ROOT = HOME.resolve("workspaces");
    static final Path WORKSPACES = WORKSPACES_ROOT.resolve("default");

    private NaviHome() {}

    private static Path create() {
        try {
            var home = Files.createTempDirectory("navi-it-home");
            Files.createDirectories(home.resolve("workspaces").resolve("default"));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new workspace directory of the default tenant with the given files (path, content pairs). */
    static String workspace(String name, String... pathsAndContents) {
        return workspaceOf("default", name, pathsAndContents);
    }

    /** A new workspace directory of a tenant with the given files (path, content pairs). */
    static String workspaceOf(String tenant, String name, String... pathsAndContents) {
        try {
            var dir = WORKSPACES_ROOT.resolve(tenant).resolve(name);
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
