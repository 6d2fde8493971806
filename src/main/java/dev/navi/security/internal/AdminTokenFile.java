package dev.navi.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local admin token: created once with 256 random bits, readable by its owner only (0600), and read
 * again at every start. Its location is logged, never its value.
 */
final class AdminTokenFile {

    static final String PREFIX = "navi-admin-";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger log = LoggerFactory.getLogger(AdminTokenFile.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminTokenFile() {}

    /** The token in {@code file}, created first if there is none. */
    static String load(Path file) {
        try {
            if (Files.notExists(file)) {
                create(file);
                log.info("Created the local admin token in {} (readable by its owner only)", file);
            } else {
                tighten(file);
                log.info("The local admin token is in {}", file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create or read the admin token file " + file, e);
        }
    }

    static String newToken() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void create(Path file) throws IOException {
        var parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        var temp = parent.resolve(file.getFileName() + "." + System.nanoTime() + ".tmp");
        try {
            if (isPosix(parent)) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temp);
            }
            Files.writeString(temp, newToken() + "\n", StandardCharsets.UTF_8);
            // fails if another process created the file meanwhile: its token wins
            Files.move(temp, file);
        } catch (FileAlreadyExistsException e) {
            log.debug("The admin token file appeared meanwhile; reading it");
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A file others could read is made owner-only; its token may have been seen, so say so. */
    private static void tighten(Path file) throws IOException {
        var view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        var permissions = view.readAttributes().permissions();
        if (!permissions.equals(OWNER_ONLY)) {
            view.setPermissions(OWNER_ONLY);
            log.warn(
                    "The admin token file {} had mode {}; it is now rw------- (delete it and restart NAVI for a"
                            + " new token if others could read it)",
                    file,
                    PosixFilePermissions.toString(permissions));
        }
    }

    private static String read(Path file) throws IOException {
        var token = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (token.length() < 32 || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalStateException("The admin token file " + file
                    + " does not hold a token (at least 32 printable characters); delete it and restart NAVI");
        }
        return token;
    }

    private static boolean isPosix(Path directory) {
        return Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null;
    }
}
