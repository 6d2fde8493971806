package dev.navi.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Applies a diff with the real {@code git apply} to a fresh copy of a tree, and lists trees for comparing. */
public final class GitApply {

    private GitApply() {}

    /** Copies {@code source} to {@code target} (a new directory) and applies {@code diff} there. */
    public static void toFreshCopy(Path source, String diff, Path target) throws IOException, InterruptedException {
        copy(source, target);
        Path patch = Files.createTempFile("navi-diff", ".patch");
        try {
            Files.writeString(patch, diff, StandardCharsets.UTF_8);
            git(target, "apply", "--check", patch.toString());
            git(target, "apply", patch.toString());
        } finally {
            Files.delete(patch);
        }
    }

    /** Every file and link below {@code root} not matched by {@code skip}: path to kind, mode and content hash. */
    public static Map<String, String> files(Path root, Predicate<String> skip) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String name = root.relativize(path).toString().replace('\\', '/');
                if (name.isEmpty() || skip.test(name) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                files.put(name, describe(path));
            }
        }
        return files;
    }

    private static String describe(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return "link " + Files.readSymbolicLink(path);
        }
        return (Files.isExecutable(path) ? "executable " : "file ") + sha256(Files.readAllBytes(path));
    }

    private static void git(Path directory, String... arguments) throws IOException, InterruptedException {
        String[] command = Stream.concat(Stream.of("git"), Stream.of(arguments)).toArray(String[]::new);
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
