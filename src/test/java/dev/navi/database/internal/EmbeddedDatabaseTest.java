package dev.navi.database.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmbeddedDatabaseTest {

    private static final Duration CEILING = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    @Nested
    class Durability {

        @Test
        void whenStartedWithTheDefaultsThenEveryCommitIsSyncedToDisk() {
            var server = start(properties(0));

            assertThat(setting(server, "fsync")).isEqualTo("on");
            assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(server, "full_page_writes")).isEqualTo("on");
        }

        @Test
        void whenDurabilityIsTurnedOffForThrowawayDataThenCommitsAreNotSynced() {
            var server = start(properties(0, false));

            assertThat(setting(server, "fsync")).isEqualTo("off");
            assertThat(setting(server, "synchronous_commit")).isEqualTo("off");
        }

        private static String setting(EmbeddedServer server, String name) {
            return jdbc(server)
                    .sql("select current_setting(?)")
                    .param(name)
                    .query(String.class)
                    .single();
        }
    }

    @Nested
    class Starting {

        @Test
        void whenRestartedOnTheSameDataDirectoryThenDataSurvives() throws Exception {
            try (var server = EmbeddedServer.start(properties(0))) {
                jdbc(server).sql("create table kept (value text)").update();
                jdbc(server).sql("insert into kept values ('still here')").update();
            }
            var server = start(properties(0));

            assertThat(kept(server)).isEqualTo("still here");
        }

        @Test
        void whenAServerOfTheDataDirectoryWasLeftRunningThenItIsStoppedAndANewOneStarts() throws Exception {
            Path postgres = leaveDataWithKeptRow();
            long orphan = startOrphan(postgres, freePort());

            var server = start(properties(0));

            assertThat(server.pid()).isNotEqualTo(orphan);
            assertThat(new Postmaster(orphan, dataDirectory()).isRunning()).isFalse();
            assertThat(kept(server)).isEqualTo("still here");
        }

        @Test
        void whenThePidFileNamesAnotherLiveProcessThenItIsRemovedAndTheServerStarts() throws Exception {
            leaveDataWithKeptRow();
            Files.writeString(
                    dataDirectory().resolve(Postmaster.PID_FILE),
                    ProcessHandle.current().pid() + "\n" + dataDirectory() + "\n");

            var server = start(properties(0));

            assertThat(kept(server)).isEqualTo("still here");
        }

        @Test
        void whenADatabaseUrlIsConfiguredThenNoEmbeddedServerStarts() {
            var properties = new DatabaseProperties(
                    "jdbc:postgresql://127.0.0.1:1/navi",
                    "navi",
                    "secret",
                    home,
                    0,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    5,
                    true,
                    2,
                    Duration.ofSeconds(1));

            var server = new DataSourceConfiguration().embeddedServer(properties);

            assertThat(server).isSameAs(EmbeddedServer.NONE);
            assertThat(server.isRunning()).isTrue();
        }
    }

    @Nested
    class Authentication {

        @Test
        void whenConnectingWithoutThePasswordThenRefused() {
            var server = start(properties(0));

            assertThatThrownBy(() -> dataSource(server, null).getConnection())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
        }

        @Test
        void whenConnectingWithAWrongPasswordThenRefused() {
            var server = start(properties(0));

            assertThatThrownBy(() -> dataSource(server, "wrong").getConnection())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }

        @Test
        void whenRestartedThenThePasswordFileIsPrivateAndUnchanged() throws Exception {
            Path file = EmbeddedAuthentication.passwordFile(dataDirectory());
            leaveDataWithKeptRow();
            String first = Files.readString(file);

            var server = start(properties(0));

            assertThat(file.getParent()).isEqualTo(home);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(file)).isEqualTo(first).hasSizeGreaterThan(40);
            assertThat(kept(server)).isEqualTo("still here");
        }

        @Test
        void whenThePasswordFileIsLostThenTheStartFailsNamingIt() throws Exception {
            leaveDataWithKeptRow();
            Path file = EmbeddedAuthentication.passwordFile(dataDirectory());
            Files.delete(file);

            assertThatThrownBy(() -> start(properties(0)))
                    .hasMessageContaining("Cannot start embedded PostgreSQL")
                    .hasRootCauseMessage("The embedded PostgreSQL in " + dataDirectory() + " requires the password in "
                            + file + ", which is missing: restore it, or start over with an empty data directory");
            assertThat(file).doesNotExist();
        }

        @Test
        void whenTheDataDirectoryTrustedEveryConnectionThenItRequiresThePasswordFromTheNextStart() throws Exception {
            try (var trusting = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .start()) {
                JdbcClient.create(trusting.getPostgresDatabase())
                        .sql("create table kept as select 'still here' as value")
                        .update();
            }
            assertThat(Files.readString(dataDirectory().resolve(EmbeddedAuthentication.HBA_FILE)))
                    .contains("trust");

            var server = start(properties(0));

            assertThatThrownBy(() -> dataSource(server, null).getConnection()).isInstanceOf(SQLException.class);
            assertThat(kept(server)).isEqualTo("still here");
            assertThat(Files.readString(dataDirectory().resolve(EmbeddedAuthentication.HBA_FILE)))
                    .doesNotContain("trust");
        }
    }

    @Nested
    class Supervision {

        private final List<LivenessState> liveness = new CopyOnWriteArrayList<>();

        @Test
        void whenThePostmasterIsKilledThenItIsRestartedOnTheSamePortWithItsData() throws Exception {
            var server = start(properties(0));
            jdbc(server).sql("create table kept (value text)").update();
            jdbc(server).sql("insert into kept values ('still here')").update();
            int port = server.port();
            long killed = server.pid();
            supervise(server, 1, Duration.ofMillis(200));

            ProcessHandle.of(killed).orElseThrow().destroyForcibly();

            await().atMost(CEILING).until(() -> server.isRunning() && server.pid() != killed);
            assertThat(server.port()).isEqualTo(port);
            assertThat(kept(server)).isEqualTo("still here");
            assertThat(liveness).isEmpty();
        }

        @Test
        void whenTheServerCannotBeBroughtBackThenLivenessIsBrokenUntilItIs() throws Exception {
            var server = start(properties(0));
            Path config = dataDirectory().resolve("postgresql.conf");
            String goodConfig = Files.readString(config);
            supervise(server, 1, Duration.ofSeconds(1));

            // a configuration PostgreSQL refuses to start with: every restart fails until it is mended
            Files.writeString(config, goodConfig + "\nthis is not a setting\n");
            ProcessHandle.of(server.pid()).orElseThrow().destroyForcibly();

            await().atMost(CEILING).until(() -> liveness.contains(LivenessState.BROKEN));
            assertThat(server.isRunning()).isFalse();

            Files.writeString(config, goodConfig);
            await().atMost(CEILING).until(() -> liveness.contains(LivenessState.CORRECT));
            assertThat(server.isRunning()).isTrue();
            assertThat(liveness).containsExactly(LivenessState.BROKEN, LivenessState.CORRECT);
        }

        private void supervise(EmbeddedServer server, int attempts, Duration backoff) {
            var properties = new DatabaseProperties(
                    null,
                    null,
                    null,
                    dataDirectory(),
                    0,
                    Duration.ofMillis(100),
                    backoff,
                    attempts,
                    true,
                    2,
                    Duration.ofSeconds(5));
            var supervisor = new EmbeddedServerSupervisor(server, properties, event -> {
                if (event instanceof AvailabilityChangeEvent<?> change
                        && change.getState() instanceof LivenessState state) {
                    liveness.add(state);
                }
            });
            supervisor.start();
            opened.add(supervisor::stop);
        }
    }

    private EmbeddedServer start(DatabaseProperties properties) {
        var server = EmbeddedServer.start(properties);
        opened.add(server);
        return server;
    }

    /** Initialises the data directory with one row, stops its server and returns the postgres binary. */
    private Path leaveDataWithKeptRow() throws Exception {
        try (var server = EmbeddedServer.start(properties(0))) {
            jdbc(server).sql("create table kept (value text)").update();
            jdbc(server).sql("insert into kept values ('still here')").update();
            return Path.of(ProcessHandle.of(server.pid())
                    .orElseThrow()
                    .info()
                    .command()
                    .orElseThrow());
        }
    }

    /** A server on the data directory that no EmbeddedServer knows of, as a killed NAVI leaves it. */
    private long startOrphan(Path postgres, int port) throws Exception {
        var command = new ArrayList<String>();
        if (System.getProperty("user.name").equals("root")) {
            // as the library does: PostgreSQL refuses to run as root, so it runs in a user namespace
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                postgres.resolveSibling("pg_ctl").toString(),
                "-D",
                dataDirectory().toString(),
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1",
                "-w",
                "start"));
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("orphan.log").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(Files.readString(home.resolve("orphan.log")))
                .isZero();
        var orphan = Postmaster.of(dataDirectory()).orElseThrow();
        assertThat(orphan.isRunning()).isTrue();
        opened.add(() -> ProcessHandle.of(orphan.pid()).ifPresent(ProcessHandle::destroyForcibly));
        return orphan.pid();
    }

    private Path dataDirectory() {
        return home.resolve("pgdata");
    }

    private DatabaseProperties properties(int port) {
        return properties(port, true);
    }

    private DatabaseProperties properties(int port, boolean durable) {
        return new DatabaseProperties(
                null,
                null,
                null,
                dataDirectory(),
                port,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                5,
                durable,
                2,
                Duration.ofSeconds(5));
    }

    private static String kept(EmbeddedServer server) {
        return jdbc(server).sql("select value from kept").query(String.class).single();
    }

    private static JdbcClient jdbc(EmbeddedServer server) {
        return JdbcClient.create(dataSource(server, server.password()));
    }

    private static PGSimpleDataSource dataSource(EmbeddedServer server, String password) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(server.jdbcUrl());
        dataSource.setUser("postgres");
        dataSource.setPassword(password);
        return dataSource;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
