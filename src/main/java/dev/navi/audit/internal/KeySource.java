package dev.navi.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the audit key comes from: {@code navi.audit.key}, or in development a key generated once into
 * {@code navi.audit.key-file} (mode 0600) and reused. Under the {@code production} profile a
 * configured key is required: a generated one would live on a pod's disk and die with it.
 */
final class KeySource {

    static final String PRODUCTION_PROFILE = "production";

    private static final Logger log = LoggerFactory.getLogger(KeySource.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySource() {}

    static AuditKeys load(AuditProperties properties, boolean production) {
        if (properties.keyConfigured()) {
            return AuditKeys.of(properties.keyId(), properties.key(), properties.previousKeys());
        }
        if (production) {
            throw new IllegalStateException("No audit key configured: under the production profile NAVI requires "
                    + "NAVI_AUDIT_KEY (navi.audit.key), the base64 of 32 random bytes (`openssl rand -base64 32`), "
                    + "kept in a secret store and never changed without a new navi.audit.key-id");
        }
        if (properties.keyFile() == null) {
            throw new IllegalStateException("No audit key configured and no navi.audit.key-file to keep one in");
        }
        return AuditKeys.of(properties.keyId(), fromFile(properties.keyFile()), properties.previousKeys());
    }

    private static String fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
                log.warn(
                        "No audit key configured (NAVI_AUDIT_KEY): generated one in {}; keep that file, rows written "
                                + "under it cannot be read or verified without it",
                        file);
            } else {
                log.info("No audit key configured (NAVI_AUDIT_KEY): using the one in {}", file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[KeyMaterial.KEY_BYTES];
        RANDOM.nextBytes(bytes);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(
                file.toAbsolutePath().getParent(),
                file.getFileName().toString(),
                ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
        try {
            // no second process can put a different key in place between its check and this move
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException e) {
            log.info("Another NAVI created {} first; using its key", file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
