package dev.navi.database.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server, or nothing when a database URL is configured. A server left running
 * by a NAVI that was killed is stopped before the new one starts; a server that died is started
 * again on the same port, so that pooled connections find it where they left it.
 */
class EmbeddedServer implements AutoCloseable {

    static final EmbeddedServer NONE = new EmbeddedServer(null, 0, true);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    // the library waits this long for a server it can query, even when pg_ctl has already given up
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(20);

    private static final String LIBRARY_LOCK_FILE = "epg-lock";

    private final Path dataDirectory;
    private final boolean durable;
    private int port;
    private EmbeddedAuthentication authentication;
    private EmbeddedPostgres postgres;
    private Postmaster postmaster;
    private boolean closed;

    private EmbeddedServer(Path dataDirectory, int port, boolean durable) {
        this.dataDirectory = dataDirectory;
        this.durable = durable;
        this.port = port;
    }

    static EmbeddedServer start(DatabaseProperties properties) {
        var server = new EmbeddedServer(
                properties.embeddedDataDirectory(), properties.embeddedPort(), properties.embeddedDurable());
        try {
            server.startPostgres();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + server.dataDirectory, e);
        }
        return server;
    }

    boolean isEmbedded() {
        return dataDirectory != null;
    }

    synchronized String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** True while the server runs, and once it was closed on purpose: nothing to restart then. */
    synchronized boolean isRunning() {
        return closed || !isEmbedded() || postmaster.isRunning();
    }

    synchronized long pid() {
        return postmaster.pid();
    }

    synchronized String password() {
        return authentication.password();
    }

    synchronized int port() {
        return port;
    }

    /** Starts the server again on its port, after it died; nothing once closed. */
    synchronized void restart() throws IOException {
        if (closed) {
            return;
        }
        closePostgres();
        // a failed start leaves the library's lock on this file held, with nothing to release it; a new
        // file is another lock (PostgreSQL's own postmaster.pid still keeps a second server out)
        Files.deleteIfExists(dataDirectory.resolve(LIBRARY_LOCK_FILE));
        startPostgres();
    }

    private void startPostgres() throws IOException {
        Files.createDirectories(dataDirectory);
        Postmaster.of(dataDirectory).ifPresent(this::stopOrphan);
        authentication = EmbeddedAuthentication.of(dataDirectory);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // Spring stops the server after the worker has ended its tasks; the library's
                // own JVM hook would stop it concurrently, under the tasks' last writes
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // the library starts the server with -F (fsync off) and synchronous_commit off; a -c
                // after them wins, so a commit survives a kill of the server and a power loss too
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setPort(port)
                // the library's readiness check connects too
                .setConnectConfig("password", authentication.password())
                .start();
        port = postgres.getPort();
        authentication.secure(dataDirectory, postgres.getPostgresDatabase());
        postmaster = Postmaster.of(dataDirectory)
                .filter(Postmaster::isRunning)
                .orElseThrow(
                        () -> new IOException("PostgreSQL did not start on port " + port + " in " + dataDirectory));
        log.info("Embedded PostgreSQL started on port {} (pid {})", port, postmaster.pid());
    }

    /** A server of this data directory that outlived the NAVI that started it, or the pid file of a dead one. */
    private void stopOrphan(Postmaster orphan) {
        if (orphan.isRunning()) {
            log.warn(
                    "Embedded PostgreSQL (pid {}) left running by an earlier NAVI in {}: stopping it",
                    orphan.pid(),
                    dataDirectory);
            orphan.stop(STOP_GRACE);
        }
        // PostgreSQL refuses to start beside a pid file whose pid is in use, even by another program;
        // the pid file of a dead server is left to PostgreSQL, which checks no old backend is still at work
        if (orphan.status() == Postmaster.Status.OTHER) {
            log.warn("Removing {}: its pid {} is now another program's", Postmaster.PID_FILE, orphan.pid());
            deleteStalePidFile();
        }
    }

    private void deleteStalePidFile() {
        try {
            Files.deleteIfExists(dataDirectory.resolve(Postmaster.PID_FILE));
        } catch (IOException e) {
            log.warn("Cannot delete stale {} in {}", Postmaster.PID_FILE, dataDirectory, e);
        }
    }

    private void closePostgres() throws IOException {
        var current = Optional.ofNullable(postgres);
        postgres = null;
        if (current.isPresent()) {
            current.get().close();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        closePostgres();
    }
}
