-- Every task belongs to a tenant; tasks from before tenants belong to 'default'. The owner column holds
-- the subject of the caller who submitted the task.
alter table tasks add column tenant text not null default 'default';
alter table tasks alter column tenant drop default;

-- Lists by tenant, newest first (with and without a status), and the per-tenant counts of the quotas.
create index tasks_by_tenant_newest_first on tasks (tenant, created_at desc, id desc);
create index tasks_by_tenant_status_newest_first on tasks (tenant, status, created_at desc, id desc);
create index tasks_active_by_tenant on tasks (tenant, status) where status in ('queued', 'running');
