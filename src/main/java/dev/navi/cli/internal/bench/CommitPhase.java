package dev.navi.cli.internal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The commit cost of durability on its own: one small write transaction like an event run (sequence upsert,
 * insert, commit), against NAVI's embedded PostgreSQL, in a database of the bench's own, in batches
 * alternating {@code synchronous_commit} on (the commit waits for its WAL to be flushed, as with
 * {@code navi.database.embedded-durable=true}) and off (it does not, as with {@code false}). Then the
 * durable commits a step makes: the transaction ids that a few step tasks consumed, per step.
 */
final class CommitPhase {

    static final String DATABASE = "navi_bench_commits";
    private static final int BATCH = 10;

    private final Path dataDirectory;

    CommitPhase(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Why the embedded server cannot be reached from here, or empty when it can. */
    String unavailable() {
        if (!Files.isReadable(dataDirectory.resolve("postmaster.pid"))
                || !Files.isReadable(EmbeddedDatabase.passwordFile(dataDirectory))) {
            return "no running embedded PostgreSQL in " + dataDirectory + " (NAVI uses an external database?)";
        }
        return "";
    }

    BenchResult.Commits run(int commits, Workload workload, int steps, int tasks) throws IOException, SQLException {
        var server = EmbeddedDatabase.of(dataDirectory);
        String fsync;
        try (var admin = server.connect("postgres")) {
            fsync = show(admin, "fsync");
            try (var statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
        var durable = new ArrayList<Double>();
        var notDurable = new ArrayList<Double>();
        try (var connection = server.connect(DATABASE)) {
            prepare(connection);
            for (var round = -1; round < Math.max(1, commits / BATCH); round++) { // round -1 warms up
                batch(connection, true, BATCH, round < 0 ? null : durable);
                batch(connection, false, BATCH, round < 0 ? null : notDurable);
            }
        } finally {
            try (var admin = server.connect("postgres");
                    var statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            }
        }
        var on = Summary.of(durable);
        var off = Summary.of(notDurable);
        var addedMean = on.mean() - off.mean();
        var perStep = commitsPerStep(server, workload, steps, tasks);
        return new BenchResult.Commits(
                null,
                fsync,
                on.count(),
                on,
                off,
                on.p50() - off.p50(),
                addedMean,
                perStep,
                perStep == null ? null : perStep * addedMean);
    }

    private static void prepare(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE seq (stream text PRIMARY KEY, next bigint NOT NULL)");
            statement.execute("CREATE TABLE event (stream text NOT NULL, seq bigint NOT NULL, payload jsonb NOT NULL, "
                    + "PRIMARY KEY (stream, seq))");
        }
        connection.setAutoCommit(false);
    }

    /** {@code count} event transactions in one mode; their times (ms) go to {@code into} unless it is null. */
    private static void batch(Connection connection, boolean durable, int count, List<Double> into)
            throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("SET synchronous_commit = " + (durable ? "on" : "off"));
        }
        connection.commit();
        var payload = "{\"type\": \"tool.result\", \"data\": {\"content\": \"" + "x".repeat(400) + "\"}}";
        try (var upsert = connection.prepareStatement(
                        "INSERT INTO seq VALUES ('task', 1) ON CONFLICT (stream) DO UPDATE SET next = seq.next + 1 "
                                + "RETURNING next");
                var insert = connection.prepareStatement("INSERT INTO event VALUES ('task', ?, ?::jsonb)")) {
            for (var i = 0; i < count; i++) {
                var begin = System.nanoTime();
                long next;
                try (var rows = upsert.executeQuery()) {
                    rows.next();
                    next = rows.getLong(1);
                }
                insert.setLong(1, next);
                insert.setString(2, payload);
                insert.executeUpdate();
                connection.commit();
                if (into != null) {
                    into.add((System.nanoTime() - begin) / 1e6);
                }
            }
        }
    }

    /** Transaction ids NAVI's database consumed while {@code tasks} step tasks ran, per step they made. */
    private static Double commitsPerStep(EmbeddedDatabase server, Workload workload, int steps, int tasks)
            throws SQLException {
        try (var connection = server.connect("postgres")) {
            var before = nextTransactionId(connection);
            var made = 0;
            for (var i = 0; i < tasks; i++) {
                made += workload.run(Workload.steps(steps), steps + 2).times().steps();
            }
            var after = nextTransactionId(connection);
            return made == 0 ? null : (double) (after - before) / made;
        }
    }

    private static long nextTransactionId(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The embedded server of a data directory: its port from {@code postmaster.pid}, its password beside it. */
    record EmbeddedDatabase(int port, String password) {

        static Path passwordFile(Path dataDirectory) {
            return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
        }

        static EmbeddedDatabase of(Path dataDirectory) throws IOException {
            var pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return new EmbeddedDatabase(
                    Integer.parseInt(pid.get(3).strip()),
                    Files.readString(passwordFile(dataDirectory)).strip());
        }

        Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", password);
        }
    }
}
