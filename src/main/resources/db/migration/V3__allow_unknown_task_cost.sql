-- A task whose model has no known price has an unknown cost: null, never 0.
alter table tasks alter column cost_usd drop not null;
