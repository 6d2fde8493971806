package dev.navi.tasks.internal;

import static dev.navi.tasks.internal.TaskDatabase.caller;
import static dev.navi.tasks.internal.TaskDatabase.newTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.audit.AuditAction;
import dev.navi.audit.AuditEntry;
import dev.navi.audit.AuditWriteException;
import dev.navi.security.Caller;
import dev.navi.tasks.TaskStatus;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Submissions and cancellations are audited in their own transaction, or do not happen. */
class TaskAuditTest {

    private final TaskDatabase db = new TaskDatabase();
    private final Caller machine = new Caller("ci-bot", "acme", Set.of(Caller.TASKS_WRITE), "key-7");

    @Nested
    class Recorded {

        @Test
        void whenACallerSubmitsThenTheRecordNamesTheCallerItsKeyAndTheTask() {
            var task = db.catalog.submit(machine, newTask("audited"));

            assertThat(db.audited).singleElement().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo(AuditAction.TASK_SUBMITTED);
                assertThat(entry.subject()).isEqualTo("ci-bot");
                assertThat(entry.tenant()).isEqualTo("acme");
                assertThat(entry.keyId()).isEqualTo("key-7");
                assertThat(entry.target()).isEqualTo(task.id().toString());
            });
        }

        @Test
        void whenACallerCancelsThenTheRecordSaysWhatTheTaskWas() {
            var task = db.catalog.submit(machine, newTask("to cancel"));

            db.catalog.cancel(caller("alice", "acme"), task.id());

            assertThat(db.audited)
                    .map(AuditEntry::action)
                    .containsExactly(AuditAction.TASK_SUBMITTED, AuditAction.TASK_CANCELLED);
            assertThat(db.audited.getLast().subject()).isEqualTo("alice");
            assertThat(db.audited.getLast().details()).isEqualTo(Map.of("status_before", "queued"));
        }
    }

    @Nested
    class WhenTheRecordCannotBeWritten {

        @Test
        void whenSubmittingThenTheSubmissionFailsAndNoTaskIsStored() {
            db.auditFails = true;

            assertThatThrownBy(() -> db.catalog.submit(machine, newTask("never stored")))
                    .isInstanceOf(AuditWriteException.class);

            assertThat(db.jdbc
                            .sql("select count(*) from tasks")
                            .query(Long.class)
                            .single())
                    .isZero();
        }

        @Test
        void whenCancellingThenTheTaskStaysQueued() {
            var task = db.catalog.submit(machine, newTask("stays queued"));
            db.auditFails = true;

            assertThatThrownBy(() -> db.catalog.cancel(machine, task.id())).isInstanceOf(AuditWriteException.class);

            db.auditFails = false;
            assertThat(db.catalog.find(machine, task.id()).orElseThrow().status())
                    .isEqualTo(TaskStatus.QUEUED);
        }
    }
}
