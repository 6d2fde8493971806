package dev.navi.workspace.internal;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.Patch;
import org.eclipse.jgit.patch.PatchApplier;

/**
 * Stores a task's change since its baseline as a checkpoint, and applies one to a copy prepared
 * afresh. A checkpoint holds every change or is not stored: one that would pass {@code
 * navi.workspace.max-checkpoint-bytes} fails with TOO_LARGE.
 */
final class Checkpoints {

    private final CheckpointStore store;
    private final TaskDiffs diffs;
    private final long maxBytes;
    private final Clock clock;
    private final Counter stored;
    private final DistributionSummary sizes;

    Checkpoints(CheckpointStore store, TaskDiffs diffs, long maxBytes, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.diffs = diffs;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.stored = Counter.builder("navi_workspace_checkpoints")
                .description("Workspace checkpoints stored")
                .register(meters);
        this.sizes = DistributionSummary.builder("navi_workspace_checkpoint_bytes")
                .description("Size of each stored workspace checkpoint")
                .baseUnit("bytes")
                .serviceLevelObjectives(1024, 64 * 1024, 1024 * 1024, 4 * 1024 * 1024, 16 * 1024 * 1024)
                .register(meters);
    }

    /** Stores the copy's change now, tied to the event {@code seq}. */
    void store(UUID taskId, long seq, TaskDirectory task) throws IOException {
        TaskDiffs.Snapshot snapshot = diffs.snapshot(taskId, task, maxBytes);
        PatchWriter.Written written = snapshot.written();
        long bytes = written.patch().getBytes(StandardCharsets.UTF_8).length;
        if (!written.complete() || bytes > maxBytes) {
            throw new WorkspaceException(
                    Reason.TOO_LARGE,
                    "The changes of task " + taskId + " to its workspace do not fit in a checkpoint of " + maxBytes
                            + " bytes (navi.workspace.max-checkpoint-bytes).");
        }
        store.save(taskId, seq, snapshot.baselineTree(), written.patch(), bytes, clock.instant());
        stored.increment();
        sizes.record(bytes);
    }

    /**
     * Applies {@code checkpoint} to the task's copy, just prepared from its source: the source must
     * still give the baseline the checkpoint was taken on.
     */
    void apply(CheckpointStore.Checkpoint checkpoint, TaskDirectory task) throws IOException {
        UUID taskId = checkpoint.taskId();
        if (checkpoint.removed()) {
            throw new WorkspaceException(
                    Reason.NOT_FOUND,
                    "The checkpoints of task " + taskId + " were removed after navi.workspace.retention.");
        }
        if (!TaskDiffs.baselineTree(task).equals(checkpoint.baselineTree())) {
            throw new WorkspaceException(
                    Reason.UNAVAILABLE,
                    "The workspace source of task " + taskId
                            + " has changed since the task started: its checkpoint does not apply.");
        }
        if (checkpoint.diff().isEmpty()) {
            return;
        }
        Patch patch = new Patch();
        patch.parse(new ByteArrayInputStream(checkpoint.diff().getBytes(StandardCharsets.UTF_8)));
        if (!patch.getErrors().isEmpty()) {
            throw cannotApply(taskId, patch.getErrors().toString());
        }
        Path work = task.work().toAbsolutePath().normalize();
        PatchedLinks.beforeApplying(patch, work);
        try (Repository repository = TaskDiffs.open(task)) {
            PatchApplier.Result result = new PatchApplier(repository).applyPatch(patch);
            if (!result.getErrors().isEmpty()) {
                throw cannotApply(taskId, result.getErrors().toString());
            }
        }
        PatchedLinks.afterApplying(patch, work);
    }

    private static WorkspaceException cannotApply(UUID taskId, String why) {
        return new WorkspaceException(
                Reason.UNAVAILABLE, "The checkpoint of task " + taskId + " does not apply: " + why);
    }
}
