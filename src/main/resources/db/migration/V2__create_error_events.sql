-- Server-side failures, grouped by fingerprint (same class, component and origin = same row), so the
-- errors dashboard shows distinct problems with counts, and operators can mark them resolved.
create table error_events (
    id           uuid primary key,
    fingerprint  text        not null unique,
    error_class  text        not null,
    severity     text        not null check (severity in ('critical', 'error', 'warning')),
    component    text        not null,
    task_id      uuid,
    message      text        not null,
    first_seen   timestamptz not null,
    last_seen    timestamptz not null,
    count        bigint      not null default 1,
    resolved     boolean     not null default false,
    resolved_at  timestamptz
);

create index error_events_last_seen on error_events (last_seen desc);
create index error_events_unresolved on error_events (last_seen desc) where not resolved;
