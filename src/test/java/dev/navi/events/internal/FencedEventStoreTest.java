package dev.navi.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.navi.events.LeaseLostException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fenced append lands only while the task runs under the named epoch, and then takes no sequence number;
 * a transaction's events are stored as runs with consecutive numbers just before it commits.
 */
class FencedEventStoreTest {

    private static final DataSource DATA_SOURCE = start();

    private final JdbcClient jdbc = JdbcClient.create(DATA_SOURCE);
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventStore store = new EventStore(jdbc, json);
    private final TransactionTemplate transactions =
            new TransactionTemplate(new DataSourceTransactionManager(DATA_SOURCE));
    private final StreamHub hub = new StreamHub(new SimpleMeterRegistry());
    private final UUID task = UUID.randomUUID();

    @Test
    void whenTheEpochIsTheTasksThenTheEventIsStoredWithTheNextSequenceNumber() {
        runningTask(2);
        store.append(task, "task.started", Instant.now(), json.createObjectNode());

        assertThat(store.appendFenced(task, 2, "llm.request", Instant.now(), json.createObjectNode()))
                .contains(2L);
    }

    @Test
    void whenTheEpochMovedOnThenNothingIsStoredAndNoSequenceNumberIsTaken() {
        runningTask(3);
        store.append(task, "task.started", Instant.now(), json.createObjectNode());

        assertThat(store.appendFenced(task, 2, "llm.request", Instant.now(), json.createObjectNode()))
                .isEmpty();
        assertThat(store.appendFenced(task, 3, "llm.request", Instant.now(), json.createObjectNode()))
                .as("the next stored event follows without a gap")
                .contains(2L);
        assertThat(store.after(task, 0, 10)).extracting(StoredEvent::seq).containsExactly(1L, 2L);
    }

    @Test
    void whenEventsAreStoredThenTheLastSeqIsTheLastStoredOneAndARefusedEventTakesNone() {
        runningTask(2);
        assertThat(store.lastSeq(task)).isZero();
        store.append(task, "task.started", Instant.now(), json.createObjectNode());
        store.appendFenced(task, 2, "llm.request", Instant.now(), json.createObjectNode());
        store.appendFenced(task, 1, "llm.request", Instant.now(), json.createObjectNode());

        assertThat(store.lastSeq(task)).isEqualTo(2);
    }

    @Test
    void whenTheTaskIsNoLongerRunningThenTheEventIsRefused() {
        runningTask(1);
        jdbc.sql("update tasks set status = 'queued' where id = :id")
                .param("id", task)
                .update();

        assertThat(store.appendFenced(task, 1, "tool.result", Instant.now(), json.createObjectNode()))
                .isEmpty();
        assertThat(store.after(task, 0, 10)).isEmpty();
    }

    @Nested
    class Runs {

        @Test
        void whenARunIsStoredThenItsEventsTakeConsecutiveNumbersInOrder() {
            runningTask(1);
            store.append(task, "task.started", Instant.now(), json.createObjectNode());

            var last = store.append(task, 1L, List.of(event("llm.response"), event("tool.call"), event("tool.result")));

            assertThat(last).hasValue(4);
            assertThat(store.after(task, 0, 10))
                    .extracting(StoredEvent::type)
                    .containsExactly("task.started", "llm.response", "tool.call", "tool.result");
            assertThat(store.after(task, 0, 10)).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L, 4L);
            assertThat(store.lastSeq(task)).isEqualTo(4);
        }

        @Test
        void whenARunIsRefusedThenNoneOfItIsStored() {
            runningTask(2);

            assertThat(store.append(task, 1L, List.of(event("llm.response"), event("tool.call"))))
                    .isEmpty();
            assertThat(store.after(task, 0, 10)).isEmpty();
            assertThat(store.lastSeq(task)).isZero();
        }

        @Test
        void whenATransactionPublishesEventsThenTheyAreStoredOnlyAtItsCommit() {
            runningTask(1);

            transactions.executeWithoutResult(status -> {
                var batch = EventBatch.current(this, store, hub);
                batch.add(task, 1L, event("llm.response"));
                batch.add(task, 1L, event("tool.call"));
                assertThat(countInOtherTransaction())
                        .as("not stored before the commit")
                        .isZero();
            });

            assertThat(store.after(task, 0, 10))
                    .extracting(StoredEvent::type)
                    .containsExactly("llm.response", "tool.call");
        }

        @Test
        void whenTheFenceRefusesAtCommitThenTheTransactionsOtherWritesAreRolledBack() {
            runningTask(1);

            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                        jdbc.sql("update tasks set iterations = 7 where id = :id")
                                .param("id", task)
                                .update();
                        EventBatch.current(this, store, hub).add(task, 5L, event("llm.response"));
                    }))
                    .isInstanceOf(LeaseLostException.class);

            assertThat(store.after(task, 0, 10)).isEmpty();
            assertThat(jdbc.sql("select iterations from tasks where id = :id")
                            .param("id", task)
                            .query(Integer.class)
                            .single())
                    .isZero();
        }

        @Test
        void whenTheTransactionFlushesEarlyThenLaterEventsFollowInOrder() {
            runningTask(1);

            transactions.executeWithoutResult(status -> {
                var batch = EventBatch.current(this, store, hub);
                batch.add(task, 1L, event("tool.call"));
                batch.storePending();
                assertThat(store.lastSeq(task))
                        .as("read inside the transaction")
                        .isEqualTo(1);
                batch.add(task, null, event("task.succeeded"));
            });

            assertThat(store.after(task, 0, 10))
                    .extracting(StoredEvent::type)
                    .containsExactly("tool.call", "task.succeeded");
        }

        @Test
        void whenAnInnerTransactionCommitsThenItStoresOnlyItsOwnEvents() {
            runningTask(1);
            var inner = new TransactionTemplate(new DataSourceTransactionManager(DATA_SOURCE));
            inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

            transactions.executeWithoutResult(status -> {
                EventBatch.current(this, store, hub).add(task, null, event("outer"));
                inner.executeWithoutResult(
                        nested -> EventBatch.current(this, store, hub).add(task, null, event("inner")));
                assertThat(countInOtherTransaction())
                        .as("the inner one is committed")
                        .isEqualTo(1);
            });

            assertThat(store.after(task, 0, 10)).extracting(StoredEvent::type).containsExactly("inner", "outer");
        }

        @Test
        void whenTheTaskEndsAfterAnotherRunBeganThenTheFencedRunBeforeItWasStoredInTime() {
            runningTask(1);

            transactions.executeWithoutResult(status -> {
                var batch = EventBatch.current(this, store, hub);
                batch.add(task, 1L, event("llm.response"));
                batch.add(task, null, event("task.succeeded"));
                jdbc.sql("update tasks set status = 'succeeded' where id = :id")
                        .param("id", task)
                        .update();
            });

            assertThat(store.after(task, 0, 10))
                    .extracting(StoredEvent::type)
                    .containsExactly("llm.response", "task.succeeded");
        }

        private EventStore.NewEvent event(String type) {
            return new EventStore.NewEvent(
                    type, Instant.now(), json.createObjectNode().put("type", type));
        }

        private long countInOtherTransaction() {
            // a connection of its own: the batch's transaction holds another one
            return JdbcClient.create(DATA_SOURCE)
                    .sql("select count(*) from task_events where task_id = :task")
                    .param("task", task)
                    .query(Long.class)
                    .single();
        }
    }

    @Nested
    class Text {

        private final EventRecorder recorder = new EventRecorder(
                store, hub, json, java.time.Clock.systemUTC(), new dev.navi.redaction.Redactor(List.of()));

        @Test
        void whenAToolOutputHoldsNulThenItIsStoredAsTheReplacementCharacter() {
            recorder.on(new dev.navi.events.TaskEvent.ToolCallCompleted(
                    task, 1, "c1", "run_command", true, "a\u0000b", 0, 1, 1_000L));

            assertThat(store.after(task, 0, 10))
                    .singleElement()
                    .satisfies(stored -> assertThat(stored.data().path("output").stringValue())
                            .isEqualTo("a\uFFFDb"));
        }

        @Test
        void whenAStringHoldsAnEscapedNulThenItIsKeptAsWritten() {
            recorder.on(new dev.navi.events.TaskEvent.ToolCallCompleted(
                    task, 1, "c1", "run_command", true, "a\\u0000b", 0, 1, 1_000L));

            assertThat(store.after(task, 0, 10))
                    .singleElement()
                    .satisfies(stored -> assertThat(stored.data().path("output").stringValue())
                            .isEqualTo("a\\u0000b"));
        }
    }

    /** Committed events handed to this process's streams from memory, as a read of them gives them. */
    @Nested
    class HandedOver {

        private final List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Test
        void whenEventDataIsPutInStoredFormThenItIsWhatReadingItBackGives() {
            var data = json.createObjectNode();
            data.put("zeta", "last by length")
                    .put("a", 1)
                    .put("é", "two UTF-8 bytes")
                    .put("ab", true);
            data.putNull("bb");
            data.put("costUsd", new java.math.BigDecimal("0.000123"))
                    .put("round", new java.math.BigDecimal("1E+3"))
                    .put("scaled", new java.math.BigDecimal("5.000"))
                    .put("huge", new java.math.BigDecimal("12345678901234567890.5"))
                    .put("big", 1e20)
                    .put("small", 1.0e-7)
                    .put("half", 1.5)
                    .put("long", 9_000_000_000L)
                    .put("text", "quote \" tab \t emoji \uD83D\uDE00");
            data.putArray("calls")
                    .addObject()
                    .put("name", "read_file")
                    .putObject("arguments")
                    .put("path", "a");
            data.putObject("nested").put("yy", 2).put("x", new java.math.BigDecimal("2.50"));
            store.append(task, "tool.call", Instant.now(), data);

            var read = store.after(task, 0, 10).getFirst().data();

            assertThat(json.writeValueAsString(StoredForm.of(data))).isEqualTo(json.writeValueAsString(read));
        }

        @Test
        void whenCommittedEventsFollowTheLastSentThenTheStreamSendsThemWithoutReadingThem() {
            openStream(0);

            // not stored: only the hand-over can send them
            hub.committed(task, 2, List.of(event("llm.request"), event("llm.response")));

            await().untilAsserted(() -> assertThat(sent).containsExactly("1 llm.request", "2 llm.response"));
        }

        @Test
        void whenHandedEventsLeaveAGapThenTheStreamReadsWhatFollowsItsLastFromTheDatabase() {
            store.append(task, "task.queued", Instant.now(), json.createObjectNode());
            openStream(0);
            await().untilAsserted(() -> assertThat(sent).containsExactly("1 task.queued"));
            store.append(task, "task.started", Instant.now(), json.createObjectNode());
            store.append(task, "llm.request", Instant.now(), json.createObjectNode());

            hub.committed(task, 3, List.of(event("llm.request")));
            hub.committed(task, 3, List.of(event("llm.request")));

            await().untilAsserted(
                            () -> assertThat(sent).containsExactly("1 task.queued", "2 task.started", "3 llm.request"));
        }

        @Test
        void whenReadingTheEventsFailsThenTheStreamReadsThemAgainLaterInsteadOfFallingSilent() {
            store.append(task, "task.queued", Instant.now(), json.createObjectNode());
            var failures = new java.util.concurrent.atomic.AtomicInteger(1);
            var failingOnce = new EventStore(jdbc, json) {
                @Override
                List<StoredEvent> after(UUID taskId, long afterSeq, int limit) {
                    if (failures.getAndDecrement() > 0) {
                        throw new org.springframework.jdbc.CannotGetJdbcConnectionException("the pool is exhausted");
                    }
                    return super.after(taskId, afterSeq, limit);
                }
            };

            openStream(0, failingOnce);

            await().atMost(java.time.Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(sent).containsExactly("1 task.queued"));
            assertThat(failures.get()).as("the first read failed").isNegative();
        }

        private void openStream(long after) {
            openStream(after, store);
        }

        private void openStream(long after, EventStore store) {
            var properties = new EventsProperties(
                    java.time.Duration.ofSeconds(10),
                    java.time.Duration.ofHours(2),
                    500,
                    java.time.Duration.ofSeconds(3),
                    100,
                    new EventsProperties.Listener(
                            java.time.Duration.ofMillis(100),
                            java.time.Duration.ofSeconds(5),
                            java.time.Duration.ofSeconds(10)));
            var permit = new StreamPermits(properties, new SimpleMeterRegistry())
                    .acquire("default")
                    .orElseThrow();
            var emitter = new org.springframework.web.servlet.mvc.method.annotation.SseEmitter() {
                @Override
                public void send(SseEventBuilder event) {
                    var text = event.build().stream()
                            .map(part -> part.getData().toString())
                            .collect(java.util.stream.Collectors.joining());
                    var id = text.lines().filter(line -> line.startsWith("id:")).findFirst();
                    var type = text.lines()
                            .filter(line -> line.startsWith("event:"))
                            .findFirst();
                    id.ifPresent(line -> sent.add(
                            line.substring(3) + " " + type.orElseThrow().substring(6)));
                }
            };
            new EventStream(task, after, emitter, store, hub, json, properties, permit).open();
        }

        private EventStore.NewEvent event(String type) {
            return new EventStore.NewEvent(type, Instant.now(), json.createObjectNode());
        }
    }

    private void runningTask(long epoch) {
        jdbc.sql("""
                        insert into tasks (id, tenant, owner, status, prompt, workspace, limits, created_at, lease_epoch)
                        values (:id, 'default', 'alice', 'running', 'p', '{}', '{}', now(), :epoch)""").param("id", task).param("epoch", epoch).update();
    }

    private static DataSource start() {
        try {
            var postgres = EmbeddedPostgres.builder().start();
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
            return postgres.getPostgresDatabase();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
