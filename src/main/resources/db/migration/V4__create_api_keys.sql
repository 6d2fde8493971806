-- API keys for machines. The key is navi_<id>_<secret>: lookup by id, then the SHA-256 of the secret is
-- compared; the secret itself is shown once at creation and never stored.
create table api_keys (
    id           text        primary key,
    secret_hash  bytea       not null check (octet_length(secret_hash) = 32),
    name         text        not null,
    tenant       text        not null,
    subject      text        not null,
    -- space-separated, like a JWT's scope claim
    scopes       text        not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

create index api_keys_created_at on api_keys (created_at desc);
