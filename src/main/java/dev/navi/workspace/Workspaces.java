package dev.navi.workspace;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/** Prepares private task copies and reports what a task changed in its copy. */
public interface Workspaces {

    /**
     * Checks a source at submission time, before anything is stored: the path is relative,
     * has no {@code ..}, and exists in the tenant's directory {@code <root>/<tenant>}; a git URL is
     * allowed (see docs/api.md; {@code file://} URLs stay in the tenant's directory unless
     * {@code navi.workspace.git-file-roots} is set) and the git server, asked within {@code
     * navi.workspace.git-check-timeout}, has the repository and ref.
     *
     * @param tenant the tenant the task belongs to: {@code [a-z0-9][a-z0-9._-]{0,62}}, else INVALID
     * @throws WorkspaceException when the source cannot be used
     */
    void validate(String tenant, WorkspaceSource source);

    /**
     * Makes the task's private copy under {@code NAVI_HOME}, whose baseline lets {@link #diff(UUID)} later
     * show only the task's own changes. Returns once the copy is made. The baseline is recorded when it is
     * first needed: by {@link #awaitBaseline}, which must return before anything changes the copy, or by
     * the methods that need it (they wait for it themselves). A task that never changes its copy records
     * none. The source is never modified.
     *
     * @param tenant the tenant the task belongs to, whose directory a local path is relative to
     * @return the root directory of the copy, where tools run
     * @throws WorkspaceException when the copy or clone fails
     */
    Path prepare(UUID taskId, String tenant, WorkspaceSource source);

    /**
     * Records the baseline of the task's copy unless that has begun, and waits until it is recorded;
     * returns at once when it already is, or when the task has no copy here.
     *
     * @throws WorkspaceException UNAVAILABLE when it could not be recorded: the copy is gone
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void awaitBaseline(UUID taskId) throws InterruptedException;

    /**
     * The diff (git format, {@code git apply} accepts it on the source as prepared) of the copy
     * against its baseline; empty when nothing changed. Reading it never changes the task's state;
     * while the copy is unchanged, repeated calls reuse the last computation.
     *
     * @throws WorkspaceException {@code NOT_FOUND} when the task has no (complete) copy
     */
    String diff(UUID taskId);

    /** Like {@link #diff(UUID)}, but always computed afresh: the diff stored when the task ends. */
    String finalDiff(UUID taskId);

    /**
     * Fails when the task's copy (its baseline not counted) holds more than {@code navi.workspace.max-copy-bytes}.
     *
     * @throws WorkspaceException TOO_LARGE past the cap
     */
    void checkSize(UUID taskId);

    /**
     * Stores a checkpoint of the task's copy: its whole change since the baseline (binary files and
     * modes included, as {@code git apply} accepts it), tied to {@code seq}: the task's last stored
     * event, which the round of tool calls it follows ended with. Called after each round that could
     * have changed files.
     *
     * @throws WorkspaceException TOO_LARGE when the change would take more than {@code
     *     navi.workspace.max-checkpoint-bytes}; NOT_FOUND when the task has no copy
     */
    void checkpoint(UUID taskId, long seq);

    /**
     * The diff as of the task's latest checkpoint at or before {@code seq}: empty when there is none.
     * Callers check that the caller may see the task.
     *
     * @return empty when that checkpoint was removed after {@code navi.workspace.retention}
     */
    Optional<String> checkpointDiff(UUID taskId, long seq);

    /**
     * Makes the task's copy again, on this or another replica: {@link #prepare prepared} from its source,
     * then its latest checkpoint applied, so that the copy holds what it held at that checkpoint
     * (files that {@code .gitignore} excludes are not in checkpoints and come back as the source has them).
     * Replaces any copy of the task here.
     *
     * @throws WorkspaceException UNAVAILABLE when the source no longer gives the task's baseline (a
     *     directory or branch changed since) or the checkpoint does not apply; NOT_FOUND when the
     *     checkpoint was removed after retention; as {@link #prepare} otherwise
     */
    RestoredCopy restoreLatestCheckpoint(UUID taskId, String tenant, WorkspaceSource source);

    /**
     * This process no longer runs the task: what it keeps in memory for the task's copy goes (a baseline
     * nobody asked for is then never recorded). The copy stays until {@code navi.workspace.retention}.
     */
    void release(UUID taskId);

    /** Removes the task's copy and its baseline; nothing happens when there is none. */
    void delete(UUID taskId);
}
