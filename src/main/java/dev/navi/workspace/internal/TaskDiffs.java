package dev.navi.workspace.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Computes task diffs one at a time per task and reuses the last one while the copy is unchanged.
 * Nothing is written to the baseline repository, so a reader never disturbs the task, and readers
 * waiting for a computation that started after they arrived take its result.
 */
final class TaskDiffs {

    private static final int REMEMBERED_TASKS = 32;

    private final long maxBytes;
    private final long maxFileSize;
    private final Map<UUID, Slot> slots = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Slot> eldest) {
            return size() > REMEMBERED_TASKS;
        }
    });

    TaskDiffs(long maxBytes, long maxFileSize) {
        this.maxBytes = maxBytes;
        this.maxFileSize = maxFileSize;
    }

    /** The diff now; the last one computed when the copy has not changed since or is being computed. */
    String current(UUID taskId, TaskDirectory task) throws IOException {
        long arrived = System.nanoTime();
        Slot slot = slots.computeIfAbsent(taskId, id -> new Slot());
        slot.lock.lock();
        try (Repository repository = open(task)) {
            Computed last = slot.last;
            if (last != null && last.startedNanos - arrived >= 0) {
                return last.diff;
            }
            long started = System.nanoTime();
            WorkTreeState state = WorkTreeState.of(repository);
            if (last != null && state.sameAs(last.state)) {
                return last.diff;
            }
            String diff = compute(repository, task.work());
            slot.last = new Computed(started, state, diff);
            return diff;
        } finally {
            slot.lock.unlock();
        }
    }

    /** The diff computed afresh, for storing with the finished task; the task's reuse slot is dropped. */
    String fresh(UUID taskId, TaskDirectory task) throws IOException {
        Slot slot = slots.computeIfAbsent(taskId, id -> new Slot());
        slot.lock.lock();
        try (Repository repository = open(task)) {
            return compute(repository, task.work());
        } finally {
            slot.lock.unlock();
            slots.remove(taskId);
        }
    }

    /**
     * The whole change since the baseline for a checkpoint, with {@code maxBytes} as the limit of both
     * the patch and any one file, and the baseline's tree it applies to. The reuse slot is kept.
     */
    Snapshot snapshot(UUID taskId, TaskDirectory task, long maxBytes) throws IOException {
        Slot slot = slots.computeIfAbsent(taskId, id -> new Slot());
        slot.lock.lock();
        try (Repository repository = open(task);
                ObjectReader reader = repository.newObjectReader()) {
            WorkTreeScan.Result scan = WorkTreeScan.scan(repository, reader, maxBytes);
            PatchWriter.Written written = PatchWriter.written(task.work(), reader, scan, maxBytes, maxBytes);
            return new Snapshot(WorkTreeScan.baselineTree(repository).name(), written);
        } finally {
            slot.lock.unlock();
        }
    }

    /** A checkpoint's content: the patch and the tree of the baseline it applies to. */
    record Snapshot(String baselineTree, PatchWriter.Written written) {}

    /** The tree of the task's baseline commit. */
    static String baselineTree(TaskDirectory task) throws IOException {
        try (Repository repository = open(task)) {
            return WorkTreeScan.baselineTree(repository).name();
        }
    }

    void forget(UUID taskId) {
        slots.remove(taskId);
    }

    private String compute(Repository repository, Path work) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            WorkTreeScan.Result scan = WorkTreeScan.scan(repository, reader, maxFileSize);
            return PatchWriter.write(work, reader, scan, maxBytes, maxFileSize);
        }
    }

    static Repository open(TaskDirectory task) throws IOException {
        return new FileRepositoryBuilder()
                .setGitDir(task.baseline().toFile())
                .setWorkTree(task.work().toFile())
                .setMustExist(true)
                .build();
    }

    private static final class Slot {
        private final ReentrantLock lock = new ReentrantLock();
        private volatile Computed last;
    }

    private record Computed(long startedNanos, WorkTreeState state, String diff) {}
}
