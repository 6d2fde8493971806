package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.navi.llm.LlmResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Runs a call on its own thread, interrupts it once it blocks, and measures how fast it gives up. */
final class CallInterrupter {

    interface Call {
        LlmResponse run() throws InterruptedException;
    }

    private CallInterrupter() {}

    /**
     * The time from the interrupt to the call throwing {@link InterruptedException}.
     *
     * @param atLeast how long the call runs before it may be interrupted
     */
    static Duration interruptWhileBlocked(Duration atLeast, Call call) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        AtomicLong thrownAt = new AtomicLong();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                call.run();
                outcome.complete(null);
            } catch (Throwable failure) {
                thrownAt.set(System.nanoTime());
                outcome.complete(failure);
            }
        });
        await().atMost(Duration.ofSeconds(5))
                .pollDelay(atLeast)
                .pollInterval(Duration.ofMillis(5))
                .until(() ->
                        caller.getState() == Thread.State.WAITING || caller.getState() == Thread.State.TIMED_WAITING);
        long interruptedAt = System.nanoTime();
        caller.interrupt();
        Throwable failure = outcome.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(failure).isInstanceOf(InterruptedException.class);
        return Duration.ofNanos(thrownAt.get() - interruptedAt);
    }
}
