package dev.navi.workspace.internal;

import dev.navi.workspace.RestoredCopy;
import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import dev.navi.workspace.WorkspaceSource;
import dev.navi.workspace.Workspaces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Task copies under {@code <tasksDirectory>/<taskId>/work}, each with a baseline beside it. */
@Component
class TaskWorkspaces implements Workspaces {

    private static final Logger log = LoggerFactory.getLogger(TaskWorkspaces.class);

    private final WorkspaceProperties properties;
    private final GitHostGuard hosts;
    private final SourceValidator validator;
    private final TaskDiffs diffs;
    private final CheckpointStore store;
    private final Checkpoints checkpoints;
    private final BaselineRecordings baselines = new BaselineRecordings();

    @Autowired
    TaskWorkspaces(WorkspaceProperties properties, CheckpointStore store, Clock clock, MeterRegistry meters) {
        this(properties, new GitHostGuard(properties.gitAllowedHosts()), store, clock, meters);
    }

    /** Without a database: checkpoints cannot be used. */
    TaskWorkspaces(WorkspaceProperties properties) {
        this(properties, new GitHostGuard(properties.gitAllowedHosts()));
    }

    /** Without a database: checkpoints cannot be used. */
    TaskWorkspaces(WorkspaceProperties properties, GitHostGuard hosts) {
        this(properties, hosts, null, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    TaskWorkspaces(
            WorkspaceProperties properties,
            GitHostGuard hosts,
            CheckpointStore store,
            Clock clock,
            MeterRegistry meters) {
        this.properties = properties;
        this.hosts = hosts;
        this.validator = new SourceValidator(properties, hosts);
        this.diffs = new TaskDiffs(properties.maxDiffBytes(), properties.maxDiffFileSize());
        this.store = store;
        this.checkpoints = new Checkpoints(store, diffs, properties.maxCheckpointBytes(), clock, meters);
    }

    @Override
    public void validate(String tenant, WorkspaceSource source) {
        validator.validate(tenant, source);
    }

    /**
     * Replaces any earlier copy of the same task. Its baseline is recorded when first needed
     * ({@link #awaitBaseline}, a diff, a checkpoint), on a thread of its own.
     */
    @Override
    public Path prepare(UUID taskId, String tenant, WorkspaceSource source) {
        TaskDirectory task = TaskDirectory.of(properties.tasksDirectory(), taskId);
        baselines.cancel(taskId);
        diffs.forget(taskId);
        Instant newest = copyOrClone(task, tenant, source);
        baselines.register(taskId, () -> recordBaseline(task, newest), () -> deleteQuietly(partialBaseline(task)));
        log.info("Prepared workspace of task {}", taskId);
        return task.work();
    }

    @Override
    public void awaitBaseline(UUID taskId) throws InterruptedException {
        baselines.await(taskId);
    }

    /** Returns the latest modification time in the copy. */
    private Instant copyOrClone(TaskDirectory task, String tenant, WorkspaceSource source) {
        try {
            task.delete();
            Files.createDirectories(task.path());
            return switch (source) {
                case WorkspaceSource.LocalPath local -> copy(tenant, local, task);
                case WorkspaceSource.GitRepository git -> clone(tenant, git, task);
            };
        } catch (IOException | JGitInternalException e) {
            deleteQuietly(task);
            throw new WorkspaceException(
                    Reason.UNAVAILABLE,
                    "Cannot prepare the workspace of task " + task.path().getFileName() + ": " + e.getMessage(),
                    e);
        } catch (WorkspaceException e) {
            deleteQuietly(task);
            throw e;
        }
    }

    /** Empty without a baseline while nobody has asked for one: nothing has changed the copy. */
    @Override
    public String diff(UUID taskId) {
        if (neverChanged(taskId)) {
            return "";
        }
        TaskDirectory task = existing(taskId);
        try {
            return diffs.current(taskId, task);
        } catch (IOException | JGitInternalException e) {
            throw cannotDiff(taskId, e);
        }
    }

    @Override
    public String finalDiff(UUID taskId) {
        if (neverChanged(taskId)) {
            return "";
        }
        TaskDirectory task = existing(taskId);
        try {
            return diffs.fresh(taskId, task);
        } catch (IOException | JGitInternalException e) {
            throw cannotDiff(taskId, e);
        }
    }

    @Override
    public void checkSize(UUID taskId) {
        TaskDirectory task = TaskDirectory.of(properties.tasksDirectory(), taskId);
        try {
            requireWithinCap(task, "The workspace copy of task " + taskId);
        } catch (IOException e) {
            throw new WorkspaceException(
                    Reason.UNAVAILABLE, "Cannot measure the workspace of task " + taskId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void checkpoint(UUID taskId, long seq) {
        TaskDirectory task = existing(taskId);
        try {
            checkpoints.store(taskId, seq, task);
        } catch (IOException | JGitInternalException e) {
            throw new WorkspaceException(
                    Reason.UNAVAILABLE,
                    "Cannot store a checkpoint of the workspace of task " + taskId + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public Optional<String> checkpointDiff(UUID taskId, long seq) {
        return store.atOrBefore(taskId, seq)
                .map(checkpoint -> Optional.ofNullable(checkpoint.diff()))
                .orElse(Optional.of(""));
    }

    /** The latest checkpoint is read before the copy is replaced, so a failing read leaves the copy be. */
    @Override
    public RestoredCopy restoreLatestCheckpoint(UUID taskId, String tenant, WorkspaceSource source) {
        var latest = store.latest(taskId);
        Path root = prepare(taskId, tenant, source);
        if (latest.isEmpty()) {
            return new RestoredCopy(root, 0);
        }
        baselines.awaitUninterruptibly(taskId);
        TaskDirectory task = TaskDirectory.of(properties.tasksDirectory(), taskId);
        try {
            checkpoints.apply(latest.get(), task);
            diffs.forget(taskId);
            log.info(
                    "Restored workspace of task {} at seq {}",
                    taskId,
                    latest.get().seq());
            return new RestoredCopy(root, latest.get().seq());
        } catch (IOException | JGitInternalException e) {
            deleteQuietly(task);
            throw new WorkspaceException(
                    Reason.UNAVAILABLE, "Cannot restore the workspace of task " + taskId + ": " + e.getMessage(), e);
        } catch (WorkspaceException e) {
            deleteQuietly(task);
            throw e;
        }
    }

    @Override
    public void delete(UUID taskId) {
        baselines.cancel(taskId);
        diffs.forget(taskId);
        try {
            TaskDirectory.of(properties.tasksDirectory(), taskId).delete();
        } catch (IOException e) {
            throw new WorkspaceException(
                    Reason.UNAVAILABLE, "Cannot delete the workspace of task " + taskId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void release(UUID taskId) {
        baselines.forget(taskId);
    }

    /**
     * Nothing changes a copy before its baseline is recorded: a copy whose baseline nobody asked for, or
     * that has none on disk and none being recorded (released since), is as it was prepared.
     */
    private boolean neverChanged(UUID taskId) {
        if (baselines.unasked(taskId)) {
            return true;
        }
        TaskDirectory task = TaskDirectory.of(properties.tasksDirectory(), taskId);
        return !baselines.known(taskId) && Files.isDirectory(task.work()) && !task.exists();
    }

    /** Recorded aside and moved into place, so that a baseline directory is always a complete one. */
    private static void recordBaseline(TaskDirectory task, Instant newest) throws IOException, GitAPIException {
        Path partial = partialBaseline(task).path();
        Baseline.record(task.work(), partial, newest);
        Files.move(partial, task.baseline(), StandardCopyOption.ATOMIC_MOVE);
    }

    /** A failed recording leaves the copy to read-only calls; what it wrote aside goes. */
    private static TaskDirectory partialBaseline(TaskDirectory task) {
        return new TaskDirectory(task.path().resolve("baseline.partial"));
    }

    /** The task's copy once its baseline is recorded. */
    private TaskDirectory existing(UUID taskId) {
        baselines.awaitUninterruptibly(taskId);
        TaskDirectory task = TaskDirectory.of(properties.tasksDirectory(), taskId);
        if (!task.exists()) {
            throw new WorkspaceException(Reason.NOT_FOUND, "Task " + taskId + " has no workspace.");
        }
        return task;
    }

    private static WorkspaceException cannotDiff(UUID taskId, Exception e) {
        return new WorkspaceException(
                Reason.UNAVAILABLE, "Cannot diff the workspace of task " + taskId + ": " + e.getMessage(), e);
    }

    /** Returns the latest modification time in the copy. */
    private Instant copy(String tenant, WorkspaceSource.LocalPath local, TaskDirectory task) throws IOException {
        Path source = validator.localDirectory(tenant, local.path());
        Path tasks = properties.tasksDirectory().toRealPath();
        return TreeCopy.copy(source, task.work(), tasks, properties.maxCopyBytes());
    }

    /** Returns the latest modification time in the clone: its files were all just written. */
    private Instant clone(String tenant, WorkspaceSource.GitRepository git, TaskDirectory task) throws IOException {
        GitClone.cloneInto(git, validator.cloneUrl(tenant, git), task.work(), properties.cloneTimeout(), hosts);
        requireWithinCap(task, "The clone of " + git.url());
        return Instant.now();
    }

    /** The copy only: the baseline beside it holds the same content once more, compressed. */
    private void requireWithinCap(TaskDirectory task, String what) throws IOException {
        long bytes = DiskUsage.bytes(task.work(), properties.maxCopyBytes());
        if (bytes > properties.maxCopyBytes()) {
            throw new WorkspaceException(
                    Reason.TOO_LARGE,
                    what + " holds more than " + properties.maxCopyBytes() + " bytes (navi.workspace.max-copy-bytes).");
        }
    }

    private static void deleteQuietly(TaskDirectory task) {
        try {
            task.delete();
        } catch (IOException e) {
            log.warn("Cannot remove the incomplete workspace {}", task.path(), e);
        }
    }
}
