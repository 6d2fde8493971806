-- The audit log: one row per audited action, chained in seq order. seq is assigned by NAVI as the
-- previous seq + 1 under an advisory lock (not by a sequence, which leaves gaps on rollback that would
-- look like deleted rows). at, action, outcome and tenant are in clear for filtering; subject_index is
-- a keyed hash of the subject; everything else sensitive is in ciphertext (AES-256-GCM, nonce).
-- hash = HMAC-SHA256(prev_hash || every other column), under the key named by key_id.
create table audit_log (
    seq           bigint primary key check (seq > 0),
    at            timestamptz not null,
    action        text        not null,
    outcome       text        not null,
    tenant        text,
    subject_index bytea,
    key_id        text        not null,
    nonce         bytea       not null,
    ciphertext    bytea       not null,
    prev_hash     bytea       not null,
    hash          bytea       not null
);

create index audit_log_by_tenant on audit_log (tenant, seq desc);
create index audit_log_by_subject on audit_log (subject_index, seq desc);
create index audit_log_by_action on audit_log (action, seq desc);
create index audit_log_at on audit_log (at);

-- Append-only: NAVI has no code path that updates or deletes a row, and the table refuses them. A
-- superuser can still drop the trigger (or set session_replication_role = replica): audit verify
-- detects what is changed then, except rows removed from the newest end (anchor the head hash).
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op;
end;
$$;

create trigger audit_log_append_only
    before update or delete on audit_log
    for each row execute function audit_log_refuse_change();

create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_refuse_change();
