-- Approvals before risky tool calls. A task's approval mode is chosen at submission (never, commands,
-- writes). When the model asks for a call that needs one, the task waits in status waiting_approval
-- (no worker holds it) with a pending row here; a decision, or the expiry sweep, puts the task back in
-- the queue, and whichever worker claims it runs or refuses the call.
alter table tasks add column approvals text not null default 'never'
    check (approvals in ('never', 'commands', 'writes'));
-- how often the task waited: a claim after a wait resumes it, like one after a recovery (not counted as one)
alter table tasks add column approval_waits int not null default 0;
alter table tasks drop constraint tasks_status_check;
alter table tasks add constraint tasks_status_check
    check (status in ('queued', 'running', 'waiting_approval', 'succeeded', 'failed', 'cancelled'));

create table approvals (
    id           uuid        primary key,
    task_id      uuid        not null references tasks (id) on delete cascade,
    tenant       text        not null,
    tool_call_id text        not null,
    tool         text        not null,
    arguments    text        not null,
    status       text        not null check (status in ('pending', 'approved', 'denied', 'expired')),
    reason       text,
    decided_by   text,
    requested_at timestamptz not null,
    expires_at   timestamptz not null,
    decided_at   timestamptz,
    unique (task_id, tool_call_id)
);

create index approvals_of_task on approvals (task_id, requested_at);
create index approvals_pending on approvals (expires_at) where status = 'pending';
