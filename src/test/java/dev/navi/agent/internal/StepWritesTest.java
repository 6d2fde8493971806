package dev.navi.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.events.LeaseLostException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** Which writes commit together, and in which order, when one is made alongside a model call. */
class StepWritesTest {

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final StepWrites writes =
            new StepWrites(new TransactionTemplate(new Transactions()), java.time.Clock.systemUTC());

    @Nested
    class Alongside {

        @Test
        void whenAWriteIsMadeAlongsideThenTheCallerGoesOnBeforeItIsCommitted() throws Exception {
            var release = new CountDownLatch(1);
            writes.alongside(() -> {
                await(release);
                log.add("request");
            });
            log.add("call made");
            release.countDown();
            writes.settle();

            assertThat(log).containsExactly("call made", "request");
        }

        @Test
        void whenWritesWereDeferredThenTheyCommitWithTheWriteMadeAlongsideInOneTransaction() {
            writes.defer(() -> log.add("result"));
            writes.alongside(() -> log.add("request"));
            writes.settle();

            assertThat(log).containsExactly("begin", "result", "request", "commit");
        }

        @Test
        void whenTheNextWriteIsMadeNowThenItWaitsForTheOneMadeAlongside() {
            var release = new CountDownLatch(1);
            writes.alongside(() -> {
                await(release);
                log.add("request");
            });
            Thread.ofVirtual().start(release::countDown);
            writes.now(() -> log.add("retry"));

            assertThat(log).containsExactly("request", "retry");
        }

        @Test
        void whenTheWriteMadeAlongsideFailsThenSettlingThrowsItsExceptionOnceAndTheNextWriteGoesOn() {
            var lost = new LeaseLostException(UUID.randomUUID(), 2L, "event llm.request");
            writes.alongside(() -> {
                throw lost;
            });

            assertThatThrownBy(writes::settle).isSameAs(lost);
            writes.now(() -> log.add("next"));
            assertThat(log).containsExactly("next");
        }

        @Test
        void whenWritesAreMadeAlongsideThenTheirEventsBearTheTimeOfTheCall() {
            var at = java.time.Instant.parse("2026-12-03T10:00:00Z");
            var fixed = new StepWrites(
                    new TransactionTemplate(new Transactions()), java.time.Clock.fixed(at, java.time.ZoneOffset.UTC));
            var seen = new CopyOnWriteArrayList<java.util.Optional<java.time.Instant>>();
            fixed.defer(() -> seen.add(dev.navi.events.EventTime.bound()));
            fixed.alongside(() -> seen.add(dev.navi.events.EventTime.bound()));
            fixed.settle();
            fixed.now(() -> seen.add(dev.navi.events.EventTime.bound()));

            assertThat(seen)
                    .as("the deferred write and the request made alongside; not the next write made now")
                    .containsExactly(java.util.Optional.of(at), java.util.Optional.of(at), java.util.Optional.empty());
        }

        @Test
        void whenTheCallerHasATaskInItsLogContextThenTheWriteMadeAlongsideHasItToo() {
            var seen = new CopyOnWriteArrayList<String>();
            MDC.put("taskId", "t-1");
            try {
                writes.alongside(() -> seen.add(MDC.get("taskId")));
                writes.settle();
            } finally {
                MDC.remove("taskId");
            }

            assertThat(seen).containsExactly("t-1");
        }
    }

    @Nested
    class Now {

        @Test
        void whenNothingWasDeferredThenTheWriteIsMadeWithoutATransaction() {
            writes.now(() -> log.add("started"));

            assertThat(log).containsExactly("started");
        }

        @Test
        void whenWritesWereDeferredThenTheyCommitBeforeTheWriteInOneTransaction() {
            writes.defer(() -> log.add("response"));
            writes.defer(() -> log.add("progress"));
            writes.now(() -> log.add("tool call"));

            assertThat(log).containsExactly("begin", "response", "progress", "tool call", "commit");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Notes where each transaction begins and commits. */
    private final class Transactions implements PlatformTransactionManager {

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            log.add("begin");
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            log.add("commit");
        }

        @Override
        public void rollback(TransactionStatus status) {
            log.add("rollback");
        }
    }
}
