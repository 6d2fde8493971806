package dev.navi.agent.internal;

import dev.navi.agent.internal.RunningLoops.Running;
import dev.navi.events.CancellationSignalled;
import dev.navi.events.LeaseLostException;
import dev.navi.events.TaskEvent;
import dev.navi.tasks.Approvals;
import dev.navi.tasks.ClaimedTask;
import dev.navi.tasks.StopReason;
import dev.navi.tasks.TaskCancellationRequested;
import dev.navi.tasks.TaskQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Claims queued tasks from the database and runs each loop on its own virtual thread. One platform
 * thread ticks: it claims, renews leases (a loop whose lease could not be renewed is released at once),
 * picks up cancellations from other processes, puts tasks whose worker died back in the queue and
 * expires approvals nobody decided in time. A transaction that queues a task claims too, when this worker
 * has room ({@link ClaimBeforeCommit}). When the worker stops, its running tasks are handed back to
 * the queue for any worker to resume.
 */
@Component
class TaskWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TaskWorker.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final TaskQueue queue;
    private final Approvals approvals;
    private final AgentProperties properties;
    private final AgentLoop.Collaborators collaborators;
    private final String workerId = "worker-" + UUID.randomUUID().toString().substring(0, 8);
    private final RunningLoops running;

    private final Counter leaseLosses;
    private ScheduledExecutorService ticker;
    private volatile boolean started;

    TaskWorker(
            TaskQueue queue,
            Approvals approvals,
            AgentProperties properties,
            AgentLoop.Collaborators collaborators,
            MeterRegistry registry) {
        this.queue = queue;
        this.approvals = approvals;
        this.properties = properties;
        this.collaborators = collaborators;
        this.running = new RunningLoops(properties.concurrency());
        this.leaseLosses = Counter.builder("navi.task.lease.losses")
                .description("Loops stopped because another claim took their task over (a fenced write was refused)")
                .register(registry);
    }

    @Override
    public void start() {
        started = true;
        if (!properties.workerEnabled()) {
            log.info("Worker disabled: this process does not run tasks");
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("navi-worker").factory());
        ticker.scheduleWithFixedDelay(this::tick, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Worker {} started, running up to {} tasks at once", workerId, properties.concurrency());
    }

    /** A task is being queued: its transaction claims for this worker just before it commits. */
    @EventListener
    void onQueued(TaskEvent.TaskQueued event) {
        claimBeforeCommit(event.taskId());
    }

    /** A decision is putting its task back in the queue: the same, for the task's next attempt. */
    @EventListener
    void onApprovalDecided(TaskEvent.ApprovalDecided event) {
        claimBeforeCommit(event.taskId());
    }

    private void claimBeforeCommit(UUID queued) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new ClaimBeforeCommit(this, queued));
        } else {
            wake();
        }
    }

    @TransactionalEventListener
    void onCancellationRequested(TaskCancellationRequested request) {
        var loop = running.get(request.taskId());
        if (loop != null) {
            loop.control().stop(StopReason.CANCELLED);
        }
    }

    /**
     * A cancellation was committed somewhere: if the task runs here, check its stored flag now rather
     * than at the next tick (which stays the fallback while notifications are down).
     */
    @EventListener
    void onCancellationSignalled(CancellationSignalled signal) {
        var current = ticker;
        if (running.contains(signal.taskId()) && current != null && !current.isShutdown()) {
            current.execute(() -> checkCancellation(Set.of(signal.taskId())));
        }
    }

    private void checkCancellation(Set<UUID> taskIds) {
        try {
            queue.cancellationRequested(taskIds)
                    .forEach(id -> onCancellationRequested(new TaskCancellationRequested(id)));
        } catch (RuntimeException e) {
            log.warn("Cancellation check failed; the next tick checks again", e);
        }
    }

    void wake() {
        var current = ticker;
        if (current != null && !current.isShutdown()) {
            current.execute(this::claimWhileCapacity);
        }
    }

    private void tick() {
        try {
            queue.recoverAbandoned(properties.maxRecoveries());
            renewLeases();
            queue.cancellationRequested(running.taskIds())
                    .forEach(id -> onCancellationRequested(new TaskCancellationRequested(id)));
            claimWhileCapacity();
        } catch (RuntimeException e) {
            log.warn("Worker tick failed; retrying in {}", properties.pollInterval(), e);
        }
        try {
            approvals.expireDue();
        } catch (RuntimeException e) {
            log.warn("Approval expiry failed; retrying in {}", properties.pollInterval(), e);
        }
    }

    private void renewLeases() {
        var loops = running.started();
        var renewed = queue.renewLeases(loops.stream().map(Running::lease).toList(), properties.leaseDuration());
        loops.stream()
                .filter(loop -> !renewed.contains(loop.lease().taskId()))
                .forEach(loop -> loop.control().release(RunControl.Release.LEASE_LOST));
    }

    private void claimWhileCapacity() {
        ClaimedTask claimed;
        do {
            claimed = claimIfRoom(loop -> start(loop.claimed(), loop.running()));
        } while (claimed != null);
    }

    /**
     * Claims the queue's next task when this worker has room (in the caller's transaction, if any) and
     * takes its place among the running loops; {@code started} runs the claimed loop, or keeps it for
     * later. Null when there was no room or nothing to claim.
     */
    ClaimedTask claimIfRoom(Consumer<Reserved> started) {
        if (!accepting()) {
            return null;
        }
        return running.claimIfRoom(() -> {
            var claimed = queue.claimNext(workerId, properties.leaseDuration()).orElse(null);
            if (claimed != null) {
                started.accept(new Reserved(claimed, reserve(claimed)));
            }
            return claimed;
        });
    }

    /** A claimed loop that has its place among the running loops. */
    record Reserved(ClaimedTask claimed, Running running) {}

    private boolean accepting() {
        var current = ticker;
        return started && current != null && !current.isShutdown();
    }

    /** A claim whose transaction did not commit: its loop never runs. */
    void unreserve(Reserved reserved) {
        running.remove(reserved.claimed().task().id(), reserved.running());
        reserved.running().control().ended();
    }

    private Running reserve(ClaimedTask claimed) {
        var loop = running.add(claimed);
        if (!started) {
            // claimed while stop() handed the running loops back: this one goes back too
            loop.control().release(RunControl.Release.HAND_BACK);
        }
        return loop;
    }

    void start(ClaimedTask claimed, Running loop) {
        var task = claimed.task();
        var deadline = task.startedAt().plus(task.limits().maxDuration());
        loop.control().started();
        Thread.ofVirtual().name("task-" + task.id()).start(() -> run(claimed, loop, deadline));
    }

    private void run(ClaimedTask claimed, Running loop, Instant deadline) {
        var taskId = claimed.task().id();
        var control = loop.control();
        control.attach(Thread.currentThread());
        var timeout = timeoutAt(deadline, control);
        MDC.put("taskId", taskId.toString());
        try {
            var resumption = claimed.resumed()
                    ? Resumption.rebuild(
                            claimed.task().prompt(), collaborators.history().of(taskId))
                    : null;
            var agent = new AgentLoop(claimed, resumption, control, collaborators);
            var end = agent.run();
            // the loop is over: a renewal that finds the task already finished, or a late timeout, must not
            // interrupt the writes that end it (they are fenced: a lease really lost still refuses them)
            control.attach(null);
            end(claimed, agent, end);
        } catch (LeaseLostException e) {
            leaseLost(claimed);
        } catch (RuntimeException e) {
            log.error("Task {} could not be finished; its lease will expire", taskId, e);
        } finally {
            if (timeout != null) {
                timeout.cancel(false);
            }
            collaborators.workspaces().release(taskId);
            running.remove(taskId, loop);
            control.ended();
            MDC.remove("taskId");
            wake();
        }
    }

    /** Null once the worker has stopped: then the loop was handed back, and ends at once. */
    private ScheduledFuture<?> timeoutAt(Instant deadline, RunControl control) {
        try {
            return ticker.schedule(
                    () -> control.stop(StopReason.TIMEOUT),
                    Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private void end(ClaimedTask claimed, AgentLoop agent, LoopEnd end) {
        var taskId = claimed.task().id();
        switch (end) {
            case LoopEnd.Finished finished -> {
                agent.finish(finished.outcome());
                log.info(
                        "Task {} ended: {}",
                        taskId,
                        finished.outcome().stopReason().wireName());
            }
            case LoopEnd.HandedBack handedBack -> {
                queue.handBack(claimed.lease(), properties.maxRecoveries());
                log.info("Task {} handed back to the queue: this worker is stopping", taskId);
            }
            case LoopEnd.LeaseLost lost -> leaseLost(claimed);
            case LoopEnd.AwaitingApproval awaiting -> {} // parked with its lease released: nothing to write
        }
    }

    private void leaseLost(ClaimedTask claimed) {
        leaseLosses.increment();
        log.warn(
                "Task {}: lease {} lost to another claim; this worker stopped writing for it",
                claimed.task().id(),
                claimed.lease().epoch());
    }

    /** Hands the running tasks back: each loop ends at once and releases its task to the queue. */
    @Override
    public void stop() {
        started = false;
        running.releaseAll(RunControl.Release.HAND_BACK, SHUTDOWN_GRACE);
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Stops first, so that running tasks end with their terminal events while streams still deliver them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
