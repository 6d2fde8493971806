package dev.navi.workspace.internal;

import dev.navi.workspace.FinishedTasks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Removes the copies of tasks that ended more than {@code navi.workspace.retention} ago (their diff and
 * events stay in the database), and copies no task owns once they are as old, every {@code
 * navi.workspace.sweep-interval}. The patches of the same tasks' checkpoints (and of checkpoints no task
 * owns) are removed too; their rows stay, so that a removed checkpoint is told from none.
 */
@Component
class CopyRetention implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CopyRetention.class);

    private final WorkspaceProperties properties;
    private final FinishedTasks finished;
    private final Clock clock;
    private final Counter removed;
    private final CheckpointStore checkpoints;

    CopyRetention(
            WorkspaceProperties properties,
            FinishedTasks finished,
            Clock clock,
            MeterRegistry meters,
            CheckpointStore checkpoints) {
        this.properties = properties;
        this.checkpoints = checkpoints;
        this.finished = finished;
        this.clock = clock;
        this.removed = Counter.builder("navi_workspace_copies_removed")
                .description("Task copies removed after their retention")
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweepQuietly, properties.sweepInterval());
    }

    /** Removes the expired copies; returns how many were removed. */
    int sweep() throws IOException {
        var copies = copies();
        if (copies.isEmpty()) {
            return 0;
        }
        var cutoff = clock.instant().minus(properties.retention());
        var endings = finished.endings(copies);
        int count = 0;
        for (var id : copies) {
            var task = TaskDirectory.of(properties.tasksDirectory(), id);
            if (expired(endings.get(id), task, cutoff)) {
                task.delete();
                removed.increment();
                count++;
            }
        }
        if (count > 0) {
            log.info("Removed {} task copies older than {}", count, properties.retention());
        }
        return count;
    }

    /** A task's copy expires with the task's end; a copy of no task (its row is gone) with its own age. */
    private static boolean expired(Optional<Instant> ending, TaskDirectory task, Instant cutoff) throws IOException {
        if (ending != null) {
            return ending.isPresent() && ending.get().isBefore(cutoff);
        }
        return Files.getLastModifiedTime(task.path()).toInstant().isBefore(cutoff);
    }

    /** Removes the checkpoint patches of tasks past their retention; returns how many were removed. */
    int sweepCheckpoints() {
        var tasks = checkpoints.tasksWithKeptCheckpoints();
        if (tasks.isEmpty()) {
            return 0;
        }
        var cutoff = clock.instant().minus(properties.retention());
        var endings = finished.endings(tasks);
        var expired = tasks.stream()
                .filter(id -> endings.get(id) == null
                        || endings.get(id)
                                .filter(ended -> ended.isBefore(cutoff))
                                .isPresent())
                .toList();
        int count = checkpoints.removePatches(expired);
        if (count > 0) {
            log.info("Removed {} workspace checkpoints older than {}", count, properties.retention());
        }
        return count;
    }

    private void sweepQuietly() {
        try {
            sweepCheckpoints();
        } catch (RuntimeException e) {
            log.warn("Cannot remove expired workspace checkpoints", e);
        }
        try {
            sweep();
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot remove expired task copies", e);
        }
    }

    private List<UUID> copies() throws IOException {
        Path tasks = properties.tasksDirectory();
        if (!Files.isDirectory(tasks)) {
            return List.of();
        }
        var ids = new ArrayList<UUID>();
        try (Stream<Path> entries = Files.list(tasks)) {
            entries.filter(Files::isDirectory)
                    .map(entry -> taskId(entry.getFileName().toString()))
                    .flatMap(Optional::stream)
                    .forEach(ids::add);
        }
        return ids;
    }

    private static Optional<UUID> taskId(String name) {
        try {
            return Optional.of(UUID.fromString(name)).filter(id -> id.toString().equals(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
