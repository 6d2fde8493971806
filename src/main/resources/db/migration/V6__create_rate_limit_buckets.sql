-- Token buckets of the per-caller rate limits, shared by every NAVI process on this database. The shape is
-- the one Bucket4j's PostgreSQL proxy manager (select for update, expiration on) reads and writes: the key,
-- the serialized bucket state, and when the row may be deleted (epoch milliseconds, written by Bucket4j as
-- the time the bucket is full again plus a grace period). Rows past expires_at are deleted in batches.
create table rate_limit_buckets (
    id         text primary key,
    state      bytea,
    expires_at bigint
);

create index rate_limit_buckets_expires_at on rate_limit_buckets (expires_at);
