-- Tasks: one row per submitted task. Every task has an owner; the worker columns let a worker claim
-- a task with a lease, so separate worker processes and crash recovery fit without a new schema.
create table tasks (
    id               uuid primary key,
    owner            text        not null,
    status           text        not null check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    prompt           text        not null,
    model            text,
    workspace        jsonb       not null,
    limits           jsonb       not null,
    created_at       timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    iterations       integer     not null default 0,
    stop_reason      text,
    summary          text,
    input_tokens     bigint      not null default 0,
    output_tokens    bigint      not null default 0,
    cost_usd         numeric(18, 6) not null default 0,
    llm_calls        integer     not null default 0,
    error_class      text,
    error_message    text,
    diff             text,
    cancel_requested boolean     not null default false,
    worker_id        text,
    lease_expires_at timestamptz
);

create index tasks_newest_first on tasks (created_at desc, id desc);
create index tasks_by_status_newest_first on tasks (status, created_at desc, id desc);
create index tasks_queue on tasks (created_at, id) where status = 'queued';

-- Events: every step of a task, numbered per task from 1, stored before it is streamed.
create table task_event_sequences (
    task_id  uuid primary key,
    last_seq bigint not null
);

create table task_events (
    task_id uuid        not null,
    seq     bigint      not null,
    type    text        not null,
    ts      timestamptz not null,
    data    jsonb       not null,
    primary key (task_id, seq)
);
