package dev.navi.workspace.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A task's directory: its private copy ({@code work}) and the copy's baseline repository. */
record TaskDirectory(Path path) {

    private static final Set<PosixFilePermission> OWNER_ALL = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    static TaskDirectory of(Path tasksDirectory, UUID taskId) {
        return new TaskDirectory(tasksDirectory.toAbsolutePath().normalize().resolve(taskId.toString()));
    }

    Path work() {
        return path.resolve("work");
    }

    Path baseline() {
        return path.resolve("baseline.git");
    }

    boolean exists() {
        return Files.isDirectory(baseline());
    }

    /** Deletes the directory and everything in it, read-only directories included, without following links. */
    void delete() throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                    throws IOException {
                PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
                if (view != null) {
                    Set<PosixFilePermission> permissions = view.readAttributes().permissions();
                    permissions.addAll(OWNER_ALL);
                    view.setPermissions(permissions);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
