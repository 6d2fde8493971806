package dev.navi.events.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live event streams.
 *
 * @param heartbeatInterval silence after which a {@code heartbeat} event is sent on a stream, so
 *     proxies never cut an idle stream ({@code NAVI_HEARTBEAT_INTERVAL})
 * @param maxStreamDuration longest a single stream stays open; longer than the longest task
 * @param pageSize events read from the database per query when replaying or returning a JSON page
 * @param reconnectDelay sent first on every stream ({@code retry:}), which also sends the response
 *     headers at once: how long {@code EventSource} waits before reconnecting after a drop
 * @param maxStreamsPerTenant event streams one tenant may have open at once on each replica (counted
 *     in memory per process, not across replicas); one more is refused with {@code 429 quota-exceeded}
 * @param listener the connection on which this process hears of other replicas' events and
 *     cancellations (PostgreSQL {@code LISTEN}; docs/streams-across-replicas.md)
 */
@ConfigurationProperties("navi.events")
record EventsProperties(
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("2h") Duration maxStreamDuration,
        @DefaultValue("500") int pageSize,
        @DefaultValue("3s") Duration reconnectDelay,
        @DefaultValue("100") int maxStreamsPerTenant,
        @DefaultValue Listener listener) {

    /**
     * The notification connection.
     *
     * @param minBackoff wait before the first attempt to reconnect after the connection was lost; each
     *     further failed attempt doubles it
     * @param maxBackoff longest wait between two attempts to reconnect
     * @param checkInterval silence after which the idle connection is checked, so a connection that
     *     died without a word is noticed and replaced
     */
    record Listener(
            @DefaultValue("100ms") Duration minBackoff,
            @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("10s") Duration checkInterval) {}
}
