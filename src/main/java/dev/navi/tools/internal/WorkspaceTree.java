package dev.navi.tools.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Walks a directory depth-first in name order without following symbolic links, skipping {@code
 * .git} directories, until the visitor asks to stop.
 */
final class WorkspaceTree {

    private static final String GIT_DIRECTORY = ".git";

    @FunctionalInterface
    interface Visitor {
        /** @return false to stop the walk */
        boolean visit(Path path, BasicFileAttributes attributes) throws IOException;
    }

    private WorkspaceTree() {}

    /** Visits the entries below {@code start} up to {@code maxDepth} levels; false when stopped early. */
    static boolean walk(Path start, int maxDepth, Visitor visitor) throws IOException {
        if (maxDepth < 1) {
            return true;
        }
        for (Path child : sortedChildren(start)) {
            BasicFileAttributes attributes =
                    Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isDirectory() && child.getFileName().toString().equals(GIT_DIRECTORY)) {
                continue;
            }
            if (!visitor.visit(child, attributes)) {
                return false;
            }
            if (attributes.isDirectory() && !walk(child, maxDepth - 1, visitor)) {
                return false;
            }
        }
        return true;
    }

    private static List<Path> sortedChildren(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.sorted(
                            Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        } catch (AccessDeniedException e) {
            return List.of();
        }
    }
}
