package dev.navi.database.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where NAVI keeps its data.
 *
 * @param url JDBC URL of a PostgreSQL server ({@code NAVI_DATABASE_URL}); when empty, an embedded
 *     PostgreSQL is started with its data under {@code embeddedDataDirectory}
 * @param username database user ({@code NAVI_DATABASE_USER})
 * @param password database password ({@code NAVI_DATABASE_PASSWORD})
 * @param embeddedDataDirectory data directory of the embedded server (default {@code $NAVI_HOME/pgdata})
 * @param embeddedPort port of the embedded server on 127.0.0.1; 0 picks a free one at each start of
 *     NAVI (a restarted server keeps the port it had)
 * @param embeddedCheckInterval how often NAVI checks that the embedded server is still running
 * @param embeddedRestartBackoff wait before the first restart of an embedded server that died;
 *     doubled after each failed restart, up to 30 s
 * @param embeddedRestartAttempts failed restarts in a row after which liveness turns broken (NAVI keeps
 *     trying)
 * @param embeddedDurable whether the embedded server syncs its commits to disk ({@code fsync},
 *     {@code synchronous_commit}): on by default, so a power loss or an OS crash loses no committed
 *     task or event; {@code false} only for throwaway data (demos, benchmarks of the platform's own
 *     code): commits get faster and such a crash can lose or corrupt the database
 * @param maxPoolSize maximum number of pooled connections
 * @param connectionTimeout how long a caller waits for a pooled connection
 */
@ConfigurationProperties("navi.database")
record DatabaseProperties(
        String url,
        String username,
        String password,
        Path embeddedDataDirectory,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("1s") Duration embeddedCheckInterval,
        @DefaultValue("1s") Duration embeddedRestartBackoff,
        @DefaultValue("5") int embeddedRestartAttempts,
        @DefaultValue("true") boolean embeddedDurable,
        @DefaultValue("20") int maxPoolSize,
        @DefaultValue("3s") Duration connectionTimeout) {

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
