-- Leases with fencing: every claim of a task increments its lease epoch, and every write a worker makes
-- for the task (events, progress, the final state) names the epoch it holds in the same statement; a
-- write under an older epoch matches nothing. A task whose lease expired or was handed back returns to
-- the queue: recoveries counts those returns (past navi.agent.max-recoveries it fails as worker_lost),
-- last_worker names the worker that ran it last.
alter table tasks add column lease_epoch bigint not null default 0;
alter table tasks add column recoveries integer not null default 0;
alter table tasks add column last_worker text;

-- The recovery sweep looks for running tasks whose lease ended.
create index tasks_running_leases on tasks (lease_expires_at) where status = 'running';
