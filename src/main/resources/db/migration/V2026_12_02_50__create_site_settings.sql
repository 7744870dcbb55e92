-- Settings staff change in the admin, one row per module that owns them. A null column means "not set
-- here": the environment's value (BACKSTORY_METERED_READS, BACKSTORY_GRACE_PERIOD) applies.
create table access.settings (
    id            smallint primary key default 1 check (id = 1),
    metered_reads int check (metered_reads between 0 and 1000),
    updated_at    timestamptz not null default now()
);
insert into access.settings (id) values (1);

create table billing.settings (
    id                   smallint primary key default 1 check (id = 1),
    grace_period_seconds bigint check (grace_period_seconds between 0 and 5184000),
    updated_at           timestamptz not null default now()
);
insert into billing.settings (id) values (1);
