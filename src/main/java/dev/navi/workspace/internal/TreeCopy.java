package dev.navi.workspace.internal;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a directory tree: files with their permissions, symbolic links only when they point inside
 * the tree (rewritten as relative links), and no special files. One directory can be left out.
 */
final class TreeCopy extends SimpleFileVisitor<Path> {

    private static final Logger log = LoggerFactory.getLogger(TreeCopy.class);

    private final Path source;
    private final Path target;
    private final Path excluded;
    private final long maxBytes;
    private long copied;
    private Instant newest = Instant.EPOCH;

    private TreeCopy(Path source, Path target, Path excluded, long maxBytes) {
        this.source = source;
        this.target = target;
        this.excluded = excluded;
        this.maxBytes = maxBytes;
    }

    /**
     * @param source the real path of the tree to copy
     * @param excluded a real path whose subtree is not copied (the tasks directory), may be null
     * @return the latest modification time in the copy (a link's is when it was copied)
     * @throws WorkspaceException TOO_LARGE as soon as the files would hold more than {@code maxBytes}
     */
    static Instant copy(Path source, Path target, Path excluded, long maxBytes) throws IOException {
        TreeCopy copy = new TreeCopy(source, target, excluded, maxBytes);
        Files.walkFileTree(source, copy);
        return copy.newest;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
        if (directory.equals(excluded)) {
            return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(targetOf(directory));
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        if (attributes.isRegularFile()) {
            copied += attributes.size();
            if (copied > maxBytes) {
                throw new WorkspaceException(
                        Reason.TOO_LARGE,
                        "The workspace holds more than " + maxBytes
                                + " bytes (navi.workspace.max-copy-bytes); give a smaller directory.");
            }
            Files.copy(file, targetOf(file), StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            Instant modified = attributes.lastModifiedTime().toInstant();
            newest = modified.isAfter(newest) ? modified : newest;
        } else if (attributes.isSymbolicLink()) {
            copyLink(file);
        } else {
            log.debug("Not copying special file {}", file);
        }
        return FileVisitResult.CONTINUE;
    }

    private void copyLink(Path link) throws IOException {
        Path pointee = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
        if (!pointee.startsWith(source)
                || (Files.exists(pointee) && !pointee.toRealPath().startsWith(source))) {
            log.debug("Not copying symbolic link {}: it points outside the workspace", link);
            return;
        }
        Files.createSymbolicLink(targetOf(link), link.getParent().relativize(pointee));
        newest = Instant.now();
    }

    private Path targetOf(Path path) {
        return target.resolve(source.relativize(path).toString());
    }
}
