package dev.navi.workspace.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every path of a tree with its permissions, modification time and content hash, as one text. */
final class TreeSnapshot {

    private TreeSnapshot() {}

    static String of(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.sorted().map(path -> describe(root, path)).collect(Collectors.joining("\n"));
        }
    }

    private static String describe(Path root, Path path) {
        try {
            String kind = Files.isSymbolicLink(path)
                    ? "link " + Files.readSymbolicLink(path)
                    : Files.isDirectory(path) ? "dir" : "file " + hash(Files.readAllBytes(path));
            return root.relativize(path) + " " + kind + " "
                    + Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS) + " "
                    + Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
