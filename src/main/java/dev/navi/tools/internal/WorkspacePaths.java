package dev.navi.tools.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Resolves the model's paths inside one workspace and refuses every path that leads out of it. */
final class WorkspacePaths {

    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]+");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final Path root;

    private WorkspacePaths(Path realRoot) {
        this.root = realRoot;
    }

    static WorkspacePaths of(Path workspaceRoot) throws IOException {
        Path realRoot = workspaceRoot.toRealPath();
        if (!Files.isDirectory(realRoot)) {
            throw new ToolException("The workspace root is not a directory.");
        }
        return new WorkspacePaths(realRoot);
    }

    Path root() {
        return root;
    }

    /**
     * The path inside the workspace that {@code relative} names. Existing files are checked with
     * symbolic links resolved; a new file is checked through its nearest existing parent.
     */
    Path resolve(String relative) throws IOException {
        Path candidate = root.resolve(checkedRelative(relative)).normalize();
        Path existing = candidate;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (NoSuchFileException e) {
            throw new ToolException(
                    "Path '" + relative + "' goes through a symbolic link whose target does not exist.");
        }
        if (!isInside(real)) {
            throw new ToolException(
                    "Path '" + relative + "' leads outside the workspace through a symbolic link; refused.");
        }
        return candidate;
    }

    Path existingFile(String relative) throws IOException {
        Path file = existing(relative);
        if (Files.isDirectory(file)) {
            throw new ToolException("'" + relative + "' is a directory, not a file; use list_files to see it.");
        }
        return file;
    }

    Path existing(String relative) throws IOException {
        Path path = resolve(relative);
        if (!Files.exists(path)) {
            throw new ToolException("'" + relative + "' does not exist; use list_files to see what is there.");
        }
        return path;
    }

    /** True when {@code realPath} (symbolic links already resolved) lies in the workspace. */
    boolean isInside(Path realPath) {
        return realPath.startsWith(root);
    }

    /** The path as the model should see it: relative to the root, with {@code /} separators. */
    String relative(Path path) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }

    /**
     * The text with every mention of the workspace's location replaced: {@code <root>/src/A.java} becomes
     * {@code src/A.java} and {@code <root>} alone becomes {@code .}; the root is matched as given and with symbolic
     * links resolved.
     */
    static String withoutRoot(String text, Path workspaceRoot) {
        String result = text;
        for (Path root : new LinkedHashSet<>(List.of(realPath(workspaceRoot), workspaceRoot.toAbsolutePath()))) {
            result = result.replace(root + "/", "").replace(root.toString(), ".");
        }
        return result;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static Path checkedRelative(String relative) {
        if (relative.startsWith("/")
                || relative.startsWith("\\")
                || DRIVE.matcher(relative).matches()) {
            throw new ToolException("Path '" + relative + "' is absolute; give a path relative to the workspace root.");
        }
        for (String segment : SEPARATORS.split(relative)) {
            if (segment.equals("..")) {
                throw new ToolException(
                        "Path '" + relative + "' contains '..'; give a path inside the workspace without '..'.");
            }
        }
        try {
            Path path = Path.of(relative);
            if (path.isAbsolute()) {
                throw new ToolException(
                        "Path '" + relative + "' is absolute; give a path relative to the workspace root.");
            }
            return path;
        } catch (InvalidPathException e) {
            throw new ToolException("Path '" + relative + "' is not a valid path: " + e.getReason() + ".");
        }
    }
}
