package dev.navi.agent.internal;

import dev.navi.events.CancellationSignalled;
import dev.navi.events.TaskEvent;
import dev.navi.tasks.ClaimedTask;
import dev.navi.tasks.StopReason;
import dev.navi.tasks.TaskCancellationRequested;
import dev.navi.tasks.TaskQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Claims queued tasks from the database and runs each loop on its own virtual thread. One platform
 * thread ticks: it claims, renews leases, picks up cancellations from other processes and fails tasks
 * whose worker died.
 */
@Component
class TaskWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TaskWorker.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final TaskQueue queue;
    private final AgentProperties properties;
    private final AgentLoop.Collaborators collaborators;
    private final String workerId = "worker-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<UUID, RunControl> running = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;
    private volatile boolean started;

    TaskWorker(TaskQueue queue, AgentProperties properties, AgentLoop.Collaborators collaborators) {
        this.queue = queue;
        this.properties = properties;
        this.collaborators = collaborators;
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

    @TransactionalEventListener
    void onQueued(TaskEvent.TaskQueued event) {
        wake();
    }

    @TransactionalEventListener
    void onCancellationRequested(TaskCancellationRequested request) {
        var control = running.get(request.taskId());
        if (control != null) {
            control.stop(StopReason.CANCELLED);
        }
    }

    /**
     * A cancellation was committed somewhere: if the task runs here, check its stored flag now rather
     * than at the next tick (which stays the fallback while notifications are down).
     */
    @EventListener
    void onCancellationSignalled(CancellationSignalled signal) {
        var current = ticker;
        if (running.containsKey(signal.taskId()) && current != null && !current.isShutdown()) {
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

    private void wake() {
        var current = ticker;
        if (current != null && !current.isShutdown()) {
            current.execute(this::claimWhileCapacity);
        }
    }

    private void tick() {
        try {
            queue.failAbandoned();
            queue.renewLeases(workerId, running.keySet(), properties.leaseDuration());
            queue.cancellationRequested(running.keySet())
                    .forEach(id -> onCancellationRequested(new TaskCancellationRequested(id)));
            claimWhileCapacity();
        } catch (RuntimeException e) {
            log.warn("Worker tick failed; retrying in {}", properties.pollInterval(), e);
        }
    }

    private void claimWhileCapacity() {
        while (started && running.size() < properties.concurrency()) {
            var claimed = queue.claimNext(workerId, properties.leaseDuration());
            if (claimed.isEmpty()) {
                return;
            }
            launch(claimed.get());
        }
    }

    private void launch(ClaimedTask claimed) {
        var task = claimed.task();
        var control = new RunControl();
        running.put(task.id(), control);
        var deadline = task.startedAt().plus(task.limits().maxDuration());
        Thread.ofVirtual().name("task-" + task.id()).start(() -> run(claimed, control, deadline));
    }

    private void run(ClaimedTask claimed, RunControl control, Instant deadline) {
        var taskId = claimed.task().id();
        control.attach(Thread.currentThread());
        var timeout = ticker.schedule(
                () -> control.stop(StopReason.TIMEOUT),
                Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
                TimeUnit.MILLISECONDS);
        MDC.put("taskId", taskId.toString());
        try {
            var outcome = new AgentLoop(claimed.task(), control, collaborators).run();
            queue.finish(taskId, outcome);
            log.info("Task {} ended: {}", taskId, outcome.stopReason().wireName());
        } catch (RuntimeException e) {
            log.error("Task {} could not be finished; its lease will expire", taskId, e);
        } finally {
            timeout.cancel(false);
            running.remove(taskId);
            MDC.remove("taskId");
            wake();
        }
    }

    @Override
    public void stop() {
        started = false;
        running.values().forEach(control -> control.stop(StopReason.INTERNAL_ERROR));
        var deadline = Instant.now().plus(SHUTDOWN_GRACE);
        for (var control : running.values()) {
            control.awaitEnd(Duration.between(Instant.now(), deadline));
        }
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
