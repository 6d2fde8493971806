package dev.navi.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamPermitsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StreamPermits permits = new StreamPermits(
            new EventsProperties(Duration.ofSeconds(10), Duration.ofHours(2), 500, Duration.ofSeconds(3), 2, null),
            registry);

    @Test
    void whenATenantIsAtItsStreamQuotaThenOneMoreIsRefusedAndCounted() {
        assertThat(permits.acquire("acme")).isPresent();
        assertThat(permits.acquire("acme")).isPresent();

        assertThat(permits.acquire("acme")).isEmpty();
        assertThat(registry.get("navi.quota.rejections")
                        .tag("quota", "streams")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void whenOneTenantIsAtItsQuotaThenAnotherStillOpensStreams() {
        permits.acquire("acme");
        permits.acquire("acme");

        assertThat(permits.acquire("globex")).isPresent();
    }

    @Test
    void whenAStreamClosesThenItsPlaceIsFreedOnceHoweverOftenItIsReleased() {
        var first = permits.acquire("acme").orElseThrow();
        permits.acquire("acme").orElseThrow();

        first.release();
        first.release();

        assertThat(permits.open("acme")).isEqualTo(1);
        assertThat(permits.acquire("acme")).isPresent();
        assertThat(permits.acquire("acme")).isEmpty();
    }
}
