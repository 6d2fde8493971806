package dev.navi.events.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The listening session as one plain JDBC connection of its own, outside the pool, named {@link
 * #APPLICATION_NAME} in {@code pg_stat_activity}. An idle session is checked every {@code checkInterval},
 * so a connection that died silently is noticed.
 */
final class PgListenerConnector implements NotificationListener.Connector {

    static final String APPLICATION_NAME = "navi-notify-listener";

    private final String url;
    private final String username;
    private final String password;
    private final Duration checkInterval;

    PgListenerConnector(String url, String username, String password, Duration checkInterval) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.checkInterval = checkInterval;
    }

    @Override
    public NotificationListener.Session open() throws SQLException {
        var properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        var connection = DriverManager.getConnection(url, properties);
        try {
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.execute("LISTEN " + TaskSignal.CHANNEL);
            }
            return new Session(connection, connection.unwrap(PGConnection.class), checkInterval);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static final class Session implements NotificationListener.Session {

        private final Connection connection;
        private final PGConnection pg;
        private final long checkNanos;
        private long lastHeard = System.nanoTime();

        Session(Connection connection, PGConnection pg, Duration checkInterval) {
            this.connection = connection;
            this.pg = pg;
            this.checkNanos = checkInterval.toNanos();
        }

        @Override
        public List<String> await(Duration timeout) throws SQLException {
            PGNotification[] notifications = pg.getNotifications((int) Math.max(1, timeout.toMillis()));
            long now = System.nanoTime();
            if (notifications != null && notifications.length > 0) {
                lastHeard = now;
                return Arrays.stream(notifications)
                        .filter(n -> n.getName().equals(TaskSignal.CHANNEL))
                        .map(PGNotification::getParameter)
                        .toList();
            }
            if (now - lastHeard >= checkNanos) {
                if (!connection.isValid((int) Math.max(1, checkNanos / 1_000_000_000L))) {
                    throw new SQLException("the notification connection does not answer");
                }
                lastHeard = now;
            }
            return List.of();
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // already gone: nothing to release
            }
        }
    }
}
