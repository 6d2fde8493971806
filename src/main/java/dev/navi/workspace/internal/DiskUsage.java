package dev.navi.workspace.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** The bytes of the regular files under a directory (links not followed), counted up to a limit. */
final class DiskUsage extends SimpleFileVisitor<Path> {

    private final long stopAbove;
    private long bytes;

    private DiskUsage(long stopAbove) {
        this.stopAbove = stopAbove;
    }

    /** The total, or a number above {@code stopAbove} as soon as the total passes it; 0 when missing. */
    static long bytes(Path directory, long stopAbove) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        DiskUsage usage = new DiskUsage(stopAbove);
        Files.walkFileTree(directory, usage);
        return usage.bytes;
    }

    static long bytes(Path directory) throws IOException {
        return bytes(directory, Long.MAX_VALUE);
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (attributes.isRegularFile()) {
            bytes += attributes.size();
        }
        return bytes > stopAbove ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE; // removed while counting, e.g. by a running command
        }
        throw e;
    }
}
