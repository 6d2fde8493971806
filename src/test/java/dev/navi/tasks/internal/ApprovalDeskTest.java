package dev.navi.tasks.internal;

import static dev.navi.tasks.internal.TaskDatabase.admin;
import static dev.navi.tasks.internal.TaskDatabase.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.audit.AuditAction;
import dev.navi.events.LeaseLostException;
import dev.navi.events.TaskEvent;
import dev.navi.tasks.ApprovalAlreadyDecidedException;
import dev.navi.tasks.ApprovalDecision;
import dev.navi.tasks.ApprovalForbiddenException;
import dev.navi.tasks.ApprovalMode;
import dev.navi.tasks.ApprovalNotFoundException;
import dev.navi.tasks.ApprovalRequest;
import dev.navi.tasks.ApprovalStatus;
import dev.navi.tasks.ClaimedTask;
import dev.navi.tasks.NewTask;
import dev.navi.tasks.TaskNotFoundException;
import dev.navi.tasks.TaskStatus;
import dev.navi.workspace.WorkspaceSource;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Approvals against PostgreSQL: parking a task, deciding, expiring, scoping. */
class ApprovalDeskTest {

    private final TaskDatabase db = new TaskDatabase();
    private final UUID id = db.catalog
            .submit(
                    caller("alice", "acme"),
                    new NewTask(
                            "careful",
                            new WorkspaceSource.LocalPath("project"),
                            null,
                            null,
                            null,
                            null,
                            null,
                            "commands"))
            .id();

    @Nested
    class Parking {

        @Test
        void whenATaskAwaitsAnApprovalThenItIsWaitingHeldByNoWorkerWithAPendingRowAndItsEvent() {
            var claimed = claim();
            var request = park(claimed, Instant.now().plusSeconds(600));

            var task = db.queue.find(id).orElseThrow();
            assertThat(task.status()).isEqualTo(TaskStatus.WAITING_APPROVAL);
            assertThat(task.approvals()).isEqualTo(ApprovalMode.COMMANDS);
            assertThat(db.jdbc
                            .sql("select worker_id is null and lease_expires_at is null from tasks where id = :id")
                            .param("id", id)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            assertThat(db.approvals.list(caller("alice", "acme"), id))
                    .singleElement()
                    .satisfies(approval -> {
                        assertThat(approval.id()).isEqualTo(request.id());
                        assertThat(approval.status()).isEqualTo(ApprovalStatus.PENDING);
                        assertThat(approval.tenant()).isEqualTo("acme");
                        assertThat(approval.tool()).isEqualTo("run_command");
                    });
            assertThat(db.published).anyMatch(TaskEvent.ApprovalRequested.class::isInstance);
            assertThat(db.approvals.pendingCount()).isEqualTo(1);
            assertThat(db.claim("worker-b"))
                    .as("a waiting task is not claimable")
                    .isEmpty();
        }

        @Test
        void whenTheLeaseWasLostThenNothingIsParked() {
            var claimed = claim();
            db.jdbc
                    .sql("update tasks set lease_epoch = lease_epoch + 1 where id = :id")
                    .param("id", id)
                    .update();

            assertThatThrownBy(() -> park(claimed, Instant.now().plusSeconds(600)))
                    .isInstanceOf(LeaseLostException.class);
            assertThat(db.approvals.pendingCount()).isZero();
        }

        @Test
        void whenAWaitingTaskIsCancelledThenItsApprovalIsClosed() {
            var request = park(claim(), Instant.now().plusSeconds(600));

            db.catalog.cancel(caller("alice", "acme"), id);

            assertThat(db.queue.find(id).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
            assertThatThrownBy(() -> decide(caller("alice", "acme"), request.id(), ApprovalDecision.APPROVE))
                    .isInstanceOf(ApprovalAlreadyDecidedException.class);
        }
    }

    @Nested
    class Deciding {

        @Test
        void whenTheOwnerApprovesThenTheTaskIsQueuedAgainAndTheNextClaimResumesIt() {
            var request = park(claim(), Instant.now().plusSeconds(600));

            var decided = decide(caller("alice", "acme"), request.id(), ApprovalDecision.APPROVE);

            assertThat(decided.status()).isEqualTo(ApprovalStatus.APPROVED);
            assertThat(decided.decidedBy()).isEqualTo("alice");
            assertThat(db.queue.find(id).orElseThrow().status()).isEqualTo(TaskStatus.QUEUED);
            assertThat(db.published)
                    .filteredOn(TaskEvent.ApprovalDecided.class::isInstance)
                    .singleElement()
                    .satisfies(event -> {
                        var e = (TaskEvent.ApprovalDecided) event;
                        assertThat(e.decision()).isEqualTo("approve");
                        assertThat(e.by()).isEqualTo("alice");
                        assertThat(e.toolCallId()).isEqualTo("call-1");
                    });
            assertThat(db.audited)
                    .filteredOn(entry -> entry.action() == AuditAction.APPROVAL_DECIDED)
                    .hasSize(1);
            assertThat(db.claim("worker-b").orElseThrow().resumed()).isTrue();
            assertThat(counter("approve")).isEqualTo(1);
        }

        @Test
        void whenAnAdminDeniesThenTheDenialIsStoredWithTheReason() {
            var request = park(claim(), Instant.now().plusSeconds(600));

            var decided = db.approvals.decide(admin(), id, request.id(), ApprovalDecision.DENY, "not today");

            assertThat(decided.status()).isEqualTo(ApprovalStatus.DENIED);
            assertThat(decided.reason()).isEqualTo("not today");
            assertThat(counter("deny")).isEqualTo(1);
        }

        @Test
        void whenDecidedAgainThenItIsRefusedAndNothingChanges() {
            var request = park(claim(), Instant.now().plusSeconds(600));
            decide(caller("alice", "acme"), request.id(), ApprovalDecision.DENY);

            assertThatThrownBy(() -> decide(caller("alice", "acme"), request.id(), ApprovalDecision.APPROVE))
                    .isInstanceOf(ApprovalAlreadyDecidedException.class);
            assertThat(db.approvals.list(admin(), id).getFirst().status()).isEqualTo(ApprovalStatus.DENIED);
        }

        @Test
        void whenAnotherTenantDecidesThenTheTaskIsNotFound() {
            var request = park(claim(), Instant.now().plusSeconds(600));

            assertThatThrownBy(() -> decide(caller("alice", "other"), request.id(), ApprovalDecision.APPROVE))
                    .isInstanceOf(TaskNotFoundException.class);
            assertThatThrownBy(() -> db.approvals.list(caller("bob", "other"), id))
                    .isInstanceOf(TaskNotFoundException.class);
            assertThat(db.approvals.pendingCount()).isEqualTo(1);
        }

        @Test
        void whenSomeoneElseOfTheTenantDecidesThenItIsForbidden() {
            var request = park(claim(), Instant.now().plusSeconds(600));

            assertThatThrownBy(() -> decide(caller("bob", "acme"), request.id(), ApprovalDecision.APPROVE))
                    .isInstanceOf(ApprovalForbiddenException.class);
        }

        @Test
        void whenTheApprovalIsUnknownThenItIsNotFound() {
            park(claim(), Instant.now().plusSeconds(600));

            assertThatThrownBy(() -> decide(caller("alice", "acme"), UUID.randomUUID(), ApprovalDecision.APPROVE))
                    .isInstanceOf(ApprovalNotFoundException.class);
        }
    }

    @Nested
    class Expiry {

        @Test
        void whenAnApprovalIsPastItsExpiryThenTheSweepExpiresItOnceAndRequeuesTheTask() {
            var request = park(claim(), Instant.now().minusSeconds(1));

            var sweeps = new CompletableFuture[] {
                CompletableFuture.supplyAsync(db.approvals::expireDue),
                CompletableFuture.supplyAsync(db.approvals::expireDue)
            };
            CompletableFuture.allOf(sweeps).join();

            assertThat((int) sweeps[0].join() + (int) sweeps[1].join()).isEqualTo(1);
            assertThat(db.approvals.list(admin(), id).getFirst().status()).isEqualTo(ApprovalStatus.EXPIRED);
            assertThat(db.queue.find(id).orElseThrow().status()).isEqualTo(TaskStatus.QUEUED);
            assertThat(db.published)
                    .filteredOn(TaskEvent.ApprovalDecided.class::isInstance)
                    .singleElement()
                    .satisfies(event -> assertThat(((TaskEvent.ApprovalDecided) event).decision())
                            .isEqualTo("expired"));
            assertThat(counter("expired")).isEqualTo(1);
            assertThatThrownBy(() -> decide(caller("alice", "acme"), request.id(), ApprovalDecision.APPROVE))
                    .isInstanceOf(ApprovalAlreadyDecidedException.class);
        }

        @Test
        void whenNoApprovalIsDueThenTheSweepChangesNothing() {
            park(claim(), Instant.now().plusSeconds(600));

            assertThat(db.approvals.expireDue()).isZero();
            assertThat(db.queue.find(id).orElseThrow().status()).isEqualTo(TaskStatus.WAITING_APPROVAL);
        }
    }

    private ClaimedTask claim() {
        return db.claim("worker-a").orElseThrow();
    }

    private ApprovalRequest park(ClaimedTask claimed, Instant expiresAt) {
        var request =
                new ApprovalRequest(UUID.randomUUID(), 1, "call-1", "run_command", "{\"command\":\"rm x\"}", expiresAt);
        db.transactions.executeWithoutResult(status -> db.queue.awaitApproval(claimed.lease(), request));
        return request;
    }

    private dev.navi.tasks.Approval decide(
            dev.navi.security.Caller caller, UUID approvalId, ApprovalDecision decision) {
        return db.approvals.decide(caller, id, approvalId, decision, "because");
    }

    private double counter(String decision) {
        return db.registry
                .get("navi.approvals.decided")
                .tag("decision", decision)
                .counter()
                .count();
    }
}
