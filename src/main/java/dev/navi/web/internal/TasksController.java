package dev.navi.web.internal;

import dev.navi.redaction.Redactor;
import dev.navi.security.Caller;
import dev.navi.tasks.InvalidTaskException;
import dev.navi.tasks.NewTask;
import dev.navi.tasks.Task;
import dev.navi.tasks.TaskNotFoundException;
import dev.navi.tasks.TaskStatus;
import dev.navi.tasks.Tasks;
import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceSource;
import dev.navi.workspace.Workspaces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every route declares what it produces, so a request that cannot be answered fails before it acts. */
@RestController
@RequestMapping(value = "/api/v1/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class TasksController {

    static final MediaType TEXT_DIFF = MediaType.parseMediaType("text/x-diff;charset=UTF-8");

    private final Tasks tasks;
    private final Workspaces workspaces;
    private final PublicUrls urls;
    private final Redactor redactor;

    TasksController(Tasks tasks, Workspaces workspaces, PublicUrls urls, Redactor redactor) {
        this.tasks = tasks;
        this.workspaces = workspaces;
        this.urls = urls;
        this.redactor = redactor;
    }

    @Operation(summary = "Submit a task")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TaskResponse> submit(Caller caller, @RequestBody SubmitTaskRequest request) {
        var task = tasks.submit(caller, newTask(request));
        return ResponseEntity.created(urls.of("/api/v1/tasks/" + task.id())).body(TaskResponse.of(task, redactor));
    }

    @Operation(summary = "A task")
    @GetMapping("/{id}")
    TaskResponse get(Caller caller, @PathVariable UUID id) {
        return tasks.find(caller, id).map(this::response).orElseThrow(() -> new TaskNotFoundException(id));
    }

    /** The caller's tenant's tasks; an admin sees every tenant's, or one tenant's with {@code tenant}. */
    @Operation(summary = "Tasks, newest first")
    @GetMapping
    TaskListResponse list(
            Caller caller,
            @RequestParam(required = false) String tenant,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        var page = tasks.list(caller, tenant, status(status), cursor, limit);
        return new TaskListResponse(page.items().stream().map(this::response).toList(), page.nextCursor());
    }

    @Operation(summary = "Cancel a task: a queued one at once, a running one within a second")
    @PostMapping("/{id}/cancel")
    ResponseEntity<TaskResponse> cancel(Caller caller, @PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(response(tasks.cancel(caller, id)));
    }

    @Operation(
            summary = "Unified diff of the task's changes to its workspace copy",
            description = "With at=<seq>: the diff as of the latest workspace checkpoint at or before that"
                    + " event seq (empty when there is none).")
    @GetMapping(value = "/{id}/diff", produces = "text/x-diff")
    ResponseEntity<String> diff(
            Caller caller,
            @PathVariable UUID id,
            @Parameter(description = "An event seq, 0 or more: the diff as of the latest checkpoint at or before it")
                    @RequestParam(required = false)
                    String at) {
        if (at != null) {
            long seq = seq(at);
            var diff = tasks.checkpointDiff(caller, id, seq).orElseThrow(() -> new CheckpointRemovedException(id, seq));
            return ResponseEntity.ok().contentType(TEXT_DIFF).body(diff);
        }
        var task = tasks.find(caller, id).orElseThrow(() -> new TaskNotFoundException(id));
        return ResponseEntity.ok().contentType(TEXT_DIFF).body(diffOf(caller, task));
    }

    private static long seq(String at) {
        try {
            long seq = Long.parseLong(at);
            if (seq >= 0 && at.chars().allMatch(Character::isDigit)) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidTaskException("at", "at must be an event seq: a whole number, 0 or more");
    }

    /**
     * A running task's copy may not be prepared yet (nothing changed so far), or the task may have
     * ended meanwhile and its copy gone: then the stored diff answers.
     */
    private String diffOf(Caller caller, Task task) {
        if (task.status().finished()) {
            return tasks.storedDiff(caller, task.id()).orElse("");
        }
        if (task.startedAt() == null) {
            return "";
        }
        try {
            return workspaces.diff(task.id());
        } catch (WorkspaceException e) {
            var now = tasks.find(caller, task.id()).orElseThrow(() -> new TaskNotFoundException(task.id()));
            if (now.status().finished()) {
                return tasks.storedDiff(caller, task.id()).orElse("");
            }
            if (e.reason() == WorkspaceException.Reason.NOT_FOUND) {
                return "";
            }
            throw e;
        }
    }

    record TaskListResponse(List<TaskResponse> items, String nextCursor) {}

    private static TaskStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return TaskStatus.fromWireName(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskException(
                    "status", "status must be one of queued, running, waiting_approval, succeeded, failed, cancelled");
        }
    }

    private static NewTask newTask(SubmitTaskRequest request) {
        rejectNul("prompt", request.prompt());
        rejectNul("model", request.model());
        if (request.workspace() != null) {
            rejectNul("workspace.path", request.workspace().path());
            rejectNul("workspace.git", request.workspace().git());
            rejectNul("workspace.ref", request.workspace().ref());
        }
        var limits = request.limits() == null
                ? new SubmitTaskRequest.LimitsRequest(null, null, null, null)
                : request.limits();
        return new NewTask(
                request.prompt(),
                workspace(request.workspace()),
                request.model(),
                limits.maxIterations(),
                limits.maxDurationSeconds(),
                limits.maxTokens(),
                limits.maxCostUsd(),
                request.approvals());
    }

    /** PostgreSQL text cannot hold NUL: refused here rather than failing the insert. */
    private static void rejectNul(String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new InvalidTaskException(field, field + " must not contain NUL (\\u0000) characters");
        }
    }

    private static WorkspaceSource workspace(SubmitTaskRequest.WorkspaceRequest workspace) {
        if (workspace == null) {
            throw new InvalidTaskException("workspace", "workspace is required: {\"path\": ...} or {\"git\": ...}");
        }
        boolean hasPath = workspace.path() != null;
        boolean hasGit = workspace.git() != null;
        if (hasPath == hasGit) {
            throw new InvalidTaskException("workspace", "workspace needs exactly one of path or git");
        }
        if (hasPath && workspace.ref() != null) {
            throw new InvalidTaskException("workspace.ref", "workspace.ref applies to git workspaces only");
        }
        return hasPath
                ? new WorkspaceSource.LocalPath(workspace.path())
                : new WorkspaceSource.GitRepository(workspace.git(), workspace.ref());
    }

    private TaskResponse response(Task task) {
        return TaskResponse.of(task, redactor);
    }
}
