-- Workspace checkpoints: after each tool round that changed files, what the task's copy holds beyond
-- its baseline, as a git-style patch (binary files as GIT binary patch literals), tied to the seq of
-- the task's last stored event at that point. A copy can be restored from its source and the latest
-- checkpoint; GET /api/v1/tasks/{id}/diff?at=<seq> answers from these rows. Once the task's
-- navi.workspace.retention has passed, the patch is removed (diff becomes null) and the row stays,
-- so that the API can tell a removed checkpoint from none.
create table workspace_checkpoints (
    task_id       uuid        not null,
    seq           bigint      not null,
    baseline_tree text        not null,
    diff          text,
    bytes         bigint      not null,
    created_at    timestamptz not null,
    primary key (task_id, seq)
);

create index workspace_checkpoints_kept on workspace_checkpoints (task_id) where diff is not null;
