package dev.navi.database.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server asks every connection, over TCP and the Unix socket, for the superuser's password:
 * a generated one kept beside the data directory ({@code $NAVI_HOME/pgdata.password}, mode 0600). A data
 * directory initialised with the library's {@code trust} (a new one, or one from before NAVI set a
 * password) is secured as soon as its server accepts connections: the password is set, {@code pg_hba.conf}
 * rewritten and the configuration reloaded. (initdb cannot take the password itself: it runs in a user
 * namespace that may not read a file mode 0600.)
 */
final class EmbeddedAuthentication {

    static final String USER = "postgres";
    static final String HBA_FILE = "pg_hba.conf";
    static final String HBA = """
            # Written by NAVI: every connection gives the password NAVI keeps beside the data directory.
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAuthentication.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String password;

    private EmbeddedAuthentication(String password) {
        this.password = password;
    }

    /** The password of the data directory's server, generated on first use. */
    static EmbeddedAuthentication of(Path dataDirectory) throws IOException {
        Path file = passwordFile(dataDirectory);
        if (!Files.exists(file)) {
            if (isSecured(dataDirectory)) {
                // a new password would not be the server's: fail now, not after the startup wait
                throw new IOException("The embedded PostgreSQL in " + dataDirectory + " requires the password in "
                        + file + ", which is missing: restore it, or start over with an empty data directory");
            }
            create(file);
        }
        return new EmbeddedAuthentication(Files.readString(file).strip());
    }

    static Path passwordFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
    }

    String password() {
        return password;
    }

    /** Sets the password and requires it, when the data directory's server still trusts connections. */
    void secure(Path dataDirectory, DataSource superuser) throws IOException {
        if (isSecured(dataDirectory)) {
            return;
        }
        Path hba = dataDirectory.resolve(HBA_FILE);
        log.info("Embedded PostgreSQL in {}: requiring the password of {}", dataDirectory, USER);
        try (var connection = superuser.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("ALTER USER " + USER + " PASSWORD '" + password + "'");
            Files.writeString(hba, HBA);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Cannot require a password on the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static boolean isSecured(Path dataDirectory) throws IOException {
        Path hba = dataDirectory.resolve(HBA_FILE);
        return Files.exists(hba) && Files.readString(hba).equals(HBA);
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            return;
        }
        Files.writeString(file, generated + "\n", StandardCharsets.US_ASCII);
    }
}
